import CLibCSV
import Glibc

/// Reads a delimited survey export into a `ColumnarTable` through libcsv.
///
/// The file is read in blocks fed to `csv_parse`; libcsv's field and record callbacks append
/// straight into typed column builders, so rows never exist as `[[String]]`. Records whose
/// field count differs from the header, or that libcsv's strict mode rejects, are quarantined
/// with their physical line and raw text, and parsing resumes on the next line.
public struct CSVReader: Sendable {
  /// Forces the separator instead of detecting it from the header line.
  public var separator: Separator?
  /// Bytes read and parsed at a time.
  public var blockSize: Int

  public init(separator: Separator? = nil, blockSize: Int = 1 << 20) {
    self.separator = separator
    self.blockSize = blockSize
  }

  public func read(_ path: String) throws -> IngestResult {
    let file = try InputFile(path: path)
    defer { file.close() }
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
    defer { block.deallocate() }

    var filled = try file.read(into: block)
    guard filled > 0 else { throw IngestError.emptyFile(file: path) }
    let sniffed = try DialectSniffer.sniff(UnsafeRawBufferPointer(rebasing: block[..<filled]), file: path, separator: separator)

    var session = ParseSession(path: path, separator: sniffed.separator)
    defer { session.close() }
    var offset = sniffed.hasBOM ? DialectSniffer.utf8BOM.count : 0
    var consumed = 0
    var reserved = false
    while filled > 0 {
      try session.parse(UnsafeRawBufferPointer(rebasing: block[offset..<filled]))
      consumed += filled
      if !reserved && session.cursor.pointee.keptRows > 0 {
        reserved = true
        let scale = Double(file.size) / Double(consumed)
        session.cursor.pointee.reserveRows(Int(Double(session.cursor.pointee.keptRows) * scale * 1.02) + 64)
      }
      offset = 0
      filled = try file.read(into: block)
    }
    try session.finish()

    let cursor = session.cursor
    guard cursor.pointee.columnCount > 0 else { throw IngestError.emptyFile(file: path) }
    guard cursor.pointee.recordsRead > 0 else { throw IngestError.headerOnly(file: path) }
    return try TableAssembler.assemble(
      path: path,
      sniffed: sniffed,
      cursor: &cursor.pointee
    )
  }
}
