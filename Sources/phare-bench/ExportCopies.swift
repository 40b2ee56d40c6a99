import Foundation
import PhareKit

/// A large export made of a generated one's records over again: copy k > 0 appends `-k` to every
/// identifier (the first field of a line starting with `C`, the citizens' prefix), so that
/// each copy's respondents are new ones; lines inside a quoted field and planted defects are
/// copied as they are, so every copy quarantines what the original does.
struct ExportCopies {
  let source: String
  let copies: Int

  /// Writes the header once, then the records `copies` times, to a temporary file renamed over `path`.
  func write(to path: String) throws {
    let text = try Data(contentsOf: URL(fileURLWithPath: source))
    guard let headerEnd = text.firstIndex(of: UInt8(ascii: "\n")) else {
      throw BenchFailure(description: "\(source) has no line")
    }
    let header = text[...headerEnd]
    let records = text[(headerEnd + 1)...]
    let temporary = path + ".tmp"
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: temporary, contents: header) else {
      throw FileWriteError(path: temporary, reason: "cannot be created")
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
    try handle.seekToEnd()
    for copy in 0..<copies {
      try handle.write(contentsOf: copy == 0 ? Data(records) : renumbered(records, suffix: Array("-\(copy)".utf8)))
    }
    try handle.close()
    guard rename(temporary, path) == 0 else {
      throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
    }
  }

  private func renumbered(_ records: Data, suffix: [UInt8]) -> Data {
    var output = Data(capacity: records.count + records.count / 100 * suffix.count)
    var lineStart = true
    var inIdentifier = false
    for byte in records {
      if inIdentifier && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")) {
        output.append(contentsOf: suffix)
        inIdentifier = false
      }
      if lineStart && byte == UInt8(ascii: "C") { inIdentifier = true }
      output.append(byte)
      lineStart = byte == UInt8(ascii: "\n")
    }
    return output
  }
}
