/// Wall-clock seconds each stage took on one wave, for the manifest and the run log.
public struct StageTimings: Codable, Sendable, Equatable {
  /// Reading the export and cleaning it.
  public var ingestAndClean: Double = 0
  public var weight: Double?
  public var estimate: Double?

  /// Runs `work`, adding its duration in seconds to `seconds`.
  static func measure<T>(_ seconds: inout Double, _ work: () throws -> T) rethrows -> T {
    let start = ContinuousClock.now
    defer {
      let elapsed = ContinuousClock.now - start
      seconds += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
    return try work()
  }
}
