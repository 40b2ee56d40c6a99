import Foundation

extension PhareProcess {
  /// Runs another program, a tool the tests check phare's outputs with (`sha256sum`), and returns
  /// its standard output.
  static func runTool(_ executable: String, _ arguments: String...) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self)
  }
}
