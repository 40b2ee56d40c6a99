import Foundation

/// An export's file, size, times and last byte, taken before and after it is read (and hashed),
/// to tell a finished export from one cut short, still being written (an upload or a copy in
/// progress) or replaced meanwhile: such a wave must fail, not be published as a smaller wave or
/// under another file's hash.
struct ExportSnapshot: Equatable {
  var size: UInt64
  var modified: Date?
  /// The file's device and inode: a file renamed over the export is another file, whatever its
  /// size and modification time.
  var file: [UInt64] = []
  /// The status-change time (`st_ctim`, seconds and nanoseconds), which a write or a rename
  /// sets and no tool sets back, unlike the modification time (`touch -d`).
  var statusChanged: [Int] = []
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
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw FileReadError(path: path, reason: "cannot be examined: \(String(cString: strerror(errno)))")
    }
    return ExportSnapshot(
      size: size, modified: attributes[.modificationDate] as? Date,
      file: [UInt64(status.st_dev), UInt64(status.st_ino)],
      statusChanged: [status.st_ctim.tv_sec, status.st_ctim.tv_nsec],
      endsWithLineBreak: last == 0x0A || last == 0x0D)
  }

  /// Why the export looks truncated or still being written, or nil: it changed while it was read
  /// (`after`), or its last record was cut (a short field count or an open quote with no final
  /// line break after it).
  func truncation(after: ExportSnapshot, _ ingest: IngestResult) -> String? {
    let prefix = "export looks truncated or still being written: "
    if after != self {
      return prefix + "it changed (its size, its times or the file itself) while it was read"
    }
    guard !endsWithLineBreak, let cut = ingest.quarantined.max(by: { $0.line < $1.line }),
      ["ingest.field-count", "ingest.unterminated-quote"].contains(cut.rule),
      cut.line > Int(ingest.sourceLines.max() ?? 0)
    else { return nil }
    return prefix + "its last record (line \(cut.line)) is cut (\(cut.message)) and the file has no final line "
      + "break"
  }
}
