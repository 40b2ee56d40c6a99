import Foundation

/// Runs the built `phare` executable as a user would, capturing its exit code and output.
struct PhareProcess {
  let status: Int32
  let stdout: String
  let stderr: String

  static let executable = Bundle.main.bundleURL.appendingPathComponent("phare")

  static let fixtures: String = {
    var path = #filePath
    for _ in 0..<2 {
      path = String(path[..<path.lastIndex(of: "/")!])
    }
    return path + "/Fixtures/ingest/"
  }()

  static func run(_ arguments: String...) throws -> PhareProcess {
    try run(arguments)
  }

  /// Runs phare (or another `program`, a tool the tests read outputs with) with `arguments`, the
  /// test's environment plus `environment`, in `directory` (the test's own by default), and waits for it.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil,
    program: URL = executable
  ) throws -> PhareProcess {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return PhareProcess(
      status: process.terminationStatus,
      stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self)
    )
  }
}

extension PhareProcess {
  /// Starts phare without waiting (its output discarded), for tests that kill it or race it.
  static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }
}
