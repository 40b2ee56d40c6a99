import Foundation

/// Crash tests' hook. When the environment variable `PHARE_FAULT` names a point a run passes
/// (`clean`, `weight`, `estimate`, `file:<name>`, `installed`, `recorded`, `trends`, each
/// optionally `@<wave>`), the process kills itself there with SIGKILL, as `kill -9` would;
/// `PHARE_STALL` names a point where it sleeps for a minute instead, for a test to act meanwhile
/// (start a concurrent run, send a real `kill -9`). Unset, they do nothing.
public struct FaultInjection: Sendable {
  /// The point to die at, e.g. `file:feed.json@2016`; nil in normal runs.
  public let point: String?
  /// The point to stall at.
  public let stall: String?

  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    point = environment["PHARE_FAULT"].flatMap { $0.isEmpty ? nil : $0 }
    stall = environment["PHARE_STALL"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Dies or stalls when `name` (reached while processing `wave`) is the point asked for.
  public func reached(_ name: String, wave: String? = nil) {
    if matches(point, name, wave) { kill(getpid(), SIGKILL) }
    if matches(stall, name, wave) { sleep(60) }
  }

  private func matches(_ wanted: String?, _ name: String, _ wave: String?) -> Bool {
    guard let wanted else { return false }
    return wanted == name || wave.map { wanted == "\(name)@\($0)" } == true
  }
}
