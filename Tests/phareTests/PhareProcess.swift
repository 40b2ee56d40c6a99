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
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
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
