import Foundation
import PhareKit

/// One run of a floor executable (`csv-floor`, `sav-floor`), parsed from its `key=value` output line.
struct FloorRun {
  let bytes: Int
  let records: Int
  let seconds: Double
  let maxRSSKilobytes: Int

  init(executable: String, file: String, separator: Separator) throws {
    try self.init(executable: executable, arguments: [file, separator.rawValue])
  }

  init(executable: String, arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    var values: [String: String] = [:]
    for pair in text.split(whereSeparator: \.isWhitespace) {
      let parts = pair.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
    }
    guard process.terminationStatus == 0, let bytes = values["bytes"].flatMap(Int.init),
      let records = values["records"].flatMap(Int.init), let seconds = values["seconds"].flatMap(Double.init),
      let rss = values["maxrss_kb"].flatMap(Int.init)
    else {
      throw BenchFailure(
        description: "\(executable) exited with status \(process.terminationStatus), printing '\(text)'")
    }
    self.bytes = bytes
    self.records = records
    self.seconds = seconds
    self.maxRSSKilobytes = rss
  }
}
