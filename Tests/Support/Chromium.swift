import Foundation

/// Headless Chromium (Debian `chromium`, installed by `make test-deps`) loading a local page, for
/// the tests of report.html: the DOM after load, every console message, the requests the page
/// made to anything but a file, and screenshots. Each run has its own profile, DNS resolving
/// nothing (any request to a host fails), Chromium's own background traffic off, and a time limit.
public enum Chromium {
  public static let executable = "/usr/bin/chromium"
  /// Each Chromium run is killed after this many seconds.
  public static let timeout = 60.0

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// What loading a page showed.
  public struct Load {
    /// The DOM once the page loaded (`--dump-dom`).
    public var dom: String
    /// Every console message (errors, CSP violations, logs): a page without script has none.
    public var consoleMessages: [String]
    /// URLs the page asked for that are neither `file:` nor `data:` (from Chromium's net log).
    public var externalRequests: [String]
  }

  /// Loads `file` (a path) and returns its DOM, console messages and external requests.
  /// - Throws: `Failure` when Chromium is missing, fails or times out.
  public static func load(_ file: String) throws -> Load {
    let work = try TemporaryFolder()
    defer { work.remove() }
    let netLog = work.path + "/net-log.json"
    let (dom, errors) = try run(
      ["--enable-logging=stderr", "--v=0", "--log-net-log=\(netLog)", "--dump-dom", url(file)], in: work)
    let console = errors.split(whereSeparator: \.isNewline).filter { $0.contains(":CONSOLE") }.map(String.init)
    return Load(dom: dom, consoleMessages: console, externalRequests: try pageRequests(netLog: netLog))
  }

  /// Saves a PNG screenshot of `file` at `width` × `height` CSS pixels to `png`.
  public static func screenshot(_ file: String, to png: String, width: Int = 1100, height: Int = 2400) throws {
    let work = try TemporaryFolder()
    defer { work.remove() }
    _ = try run(["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(png)", url(file)], in: work)
    guard FileManager.default.fileExists(atPath: png) else { throw Failure(description: "chromium wrote no \(png)") }
  }

  private static func url(_ file: String) -> String {
    URL(fileURLWithPath: file).absoluteString
  }

  /// Runs Chromium headless with `arguments`; returns its standard output and error.
  private static func run(_ arguments: [String], in work: TemporaryFolder) throws -> (String, String) {
    guard FileManager.default.isExecutableFile(atPath: executable) else {
      throw Failure(
        description: "\(executable) is missing: install Debian's chromium (make test-deps) to test report.html")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments =
      [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(work.path)/profile", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--disable-default-apps", "--host-resolver-rules=MAP * ~NOTFOUND",
      ] + arguments
    let output = work.path + "/stdout"
    let errors = work.path + "/stderr"
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    _ = FileManager.default.createFile(atPath: errors, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      finished.wait()
      throw Failure(
        description: "chromium did not finish within \(Int(timeout)) s: \(arguments.joined(separator: " "))")
    }
    let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    guard process.terminationStatus == 0 else {
      throw Failure(description: "chromium exited with \(process.terminationStatus): \(read(errors).suffix(2000))")
    }
    return (read(output), read(errors))
  }

  /// The URLs requested for a page (a request with an initiator, or keyed to a `file://` site)
  /// that are not `file:` or `data:`; Chromium's own requests (`not an origin`) are not the page's.
  private static func pageRequests(netLog: String) throws -> [String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: netLog))
    guard let log = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let constants = log["constants"] as? [String: Any],
      let types = constants["logEventTypes"] as? [String: Int], let startJob = types["URL_REQUEST_START_JOB"],
      let events = log["events"] as? [[String: Any]]
    else { throw Failure(description: "\(netLog) is not a Chromium net log") }
    var requests: [String] = []
    for event in events where event["type"] as? Int == startJob {
      guard let parameters = event["params"] as? [String: Any], let url = parameters["url"] as? String else { continue }
      let initiator = parameters["initiator"] as? String ?? ""
      let site = parameters["network_isolation_key"] as? String ?? ""
      let fromPage = initiator != "not an origin" || site.contains("file://")
      if fromPage && !url.hasPrefix("file:") && !url.hasPrefix("data:") { requests.append(url) }
    }
    return requests
  }
}
