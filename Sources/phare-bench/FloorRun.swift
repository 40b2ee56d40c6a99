import Foundation

/// One run of the `csv-floor` executable, parsed from its `key=value` output line.
struct FloorRun {
  let bytes: Int
  let records: Int
  let seconds: Double
  let maxRSSKilobytes: Int

  init(executable: String, file: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [file]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var values: [String: String] = [:]
    for pair in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace) {
      let parts = pair.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
    }
    guard process.terminationStatus == 0, let bytes = values["bytes"].flatMap(Int.init),
      let records = values["records"].flatMap(Int.init), let seconds = values["seconds"].flatMap(Double.init),
      let rss = values["maxrss_kb"].flatMap(Int.init)
    else {
      throw FloorFailure(output: String(decoding: data, as: UTF8.self))
    }
    self.bytes = bytes
    self.records = records
    self.seconds = seconds
    self.maxRSSKilobytes = rss
  }
}

/// The floor program failed or printed something unexpected.
struct FloorFailure: Error, CustomStringConvertible {
  let output: String
  var description: String { "csv-floor failed: \(output)" }
}
