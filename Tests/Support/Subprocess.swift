import Foundation

/// A program run to its end by a test: its exit status and what it wrote on each stream.
public struct Subprocess {
  public let status: Int32
  public let stdout: String
  public let stderr: String

  /// Runs `executable` with `arguments`, the test's environment plus `environment`, in `directory`
  /// (the test's own by default), and waits for it.
  public static func run(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil
  ) throws -> Subprocess {
    let process = Process()
    process.executableURL = executable
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
    return Subprocess(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}
