import Foundation

/// An export's size, modification time and last byte, taken before and after it is read, to
/// tell a finished export from one cut short or still being written (an upload or a copy in
/// progress): such a wave must fail, not be published as a smaller wave.
struct ExportSnapshot: Equatable {
  var size: UInt64
  var modified: Date?
  /// Whether the file's last byte is a line feed or a carriage return.
  var endsWithLineBreak: Bool

  /// - Throws: `FileReadError` when the file cannot be examined.
  static func take(_ path: String) throws -> ExportSnapshot {
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: path)
    } catch {
      throw FileReadError(path: path, reason: "cannot be examined: \(error.localizedDescription)")
    }
    let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
    var last: UInt8 = 0x0A
    if size > 0, let handle = FileHandle(forReadingAtPath: path) {
      defer { try? handle.close() }
      // The byte before a DOS end-of-file mark (Ctrl-Z), which the reader ignores.
      try? handle.seek(toOffset: size - min(size, 2))
      let tail = [UInt8]((try? handle.read(upToCount: 2)) ?? Data())
      last = tail.last == CSVReader.endOfFileMark && tail.count == 2 ? tail[0] : tail.last ?? 0x0A
    }
    return ExportSnapshot(
      size: size, modified: attributes[.modificationDate] as? Date, endsWithLineBreak: last == 0x0A || last == 0x0D)
  }

  /// Why the export looks truncated or still being written, or nil: it changed while it was read
  /// (`after`), or its last record was cut (a short field count or an open quote with no final
  /// line break after it).
  func truncation(after: ExportSnapshot, _ ingest: IngestResult) -> String? {
    let prefix = "export looks truncated or still being written: "
    if after != self {
      return prefix + "its size or modification time changed while it was read"
    }
    guard !endsWithLineBreak, let cut = ingest.quarantined.max(by: { $0.line < $1.line }),
      ["ingest.field-count", "ingest.unterminated-quote"].contains(cut.rule),
      cut.line > Int(ingest.sourceLines.max() ?? 0)
    else { return nil }
    return prefix + "its last record (line \(cut.line)) is cut (\(cut.message)) and the file has no final line "
      + "break"
  }
}
