import CLibCSV
import Glibc

/// Reads a delimited survey export into a `ColumnarTable` through libcsv.
///
/// The file is read in blocks fed to `csv_parse`; libcsv's field and record callbacks append
/// straight into typed column builders, so rows never exist as `[[String]]`. Records whose
/// field count differs from the header, or that libcsv's strict mode rejects, are quarantined
/// with their physical line and raw text, and parsing resumes on the next line.
public struct CSVReader: Sendable {
  /// Forces the separator instead of detecting it from the first lines.
  public var separator: Separator?
  /// Bytes read and parsed at a time.
  public var blockSize: Int
  /// Columns kept as written text, never read as numbers (a codebook's identifiers).
  public var textColumns: Set<String>
  /// Columns of personal data (a codebook's `personal` variables): only whether each cell is
  /// filled is kept, as one level `ColumnBuilder.personalDataLevel`; a column also in
  /// `textColumns` keeps its text.
  public var personalColumns: Set<String> = []
  /// How the encoding of a file that is not UTF-16 is chosen (checked line by line unless Windows-1252).
  public var encoding: InputEncoding
  /// Whether each quarantined row keeps its raw text (`QuarantinedRow.rawText`, which `phare
  /// inspect` shows): finding it reads the file a second time, which the pipeline, writing no raw
  /// text, skips.
  public var keepsRawText = true

  public init(
    separator: Separator? = nil, blockSize: Int = 1 << 20, textColumns: Set<String> = [],
    encoding: InputEncoding = .auto
  ) {
    self.separator = separator
    self.blockSize = blockSize
    self.textColumns = textColumns
    self.encoding = encoding
  }

  public func read(_ path: String) throws -> IngestResult {
    let file = try InputFile(path: path)
    defer { file.close() }
    let (source, sniffed) = try open(file)
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: max(blockSize, 1), alignment: 16)
    defer { block.deallocate() }

    var session = ParseSession(path: path, separator: sniffed.separator, firstLine: sniffed.firstLine)
    session.cursor.pointee.textColumns = textColumns
    session.cursor.pointee.personalColumns = personalColumns
    defer { session.close() }
    // UTF-16 was transcoded to valid UTF-8; forced Windows-1252 needs no check.
    var lineScan =
      sniffed.encoding?.isUTF16 == true || encoding == .windows1252
      ? nil : UTF8LineScan(firstLine: sniffed.firstLine)
    var skipBytesLeft = sniffed.skippedBytes
    var consumed = 0
    var reserved = false
    var endOfFileMark = false
    while case var filled = try source.read(into: block), filled > 0 {
      let skipped = min(skipBytesLeft, filled)
      skipBytesLeft -= skipped
      // A DOS end-of-file mark (Ctrl-Z) as the file's last byte ends the text; it is not a record.
      if consumed + filled == source.size && filled > skipped && block[filled - 1] == Self.endOfFileMark {
        filled -= 1
        endOfFileMark = true
      }
      let bytes = UnsafeRawBufferPointer(rebasing: block[skipped..<filled])
      lineScan?.scan(bytes)
      try session.parse(bytes)
      consumed += filled + (endOfFileMark ? 1 : 0)
      if !reserved && session.cursor.pointee.keptRows > 0 {
        // Size the columns once from the first block, so they do not grow by doubling.
        reserved = true
        let scale = Double(source.size) / Double(consumed)
        session.cursor.pointee.reserveRows(Int(Double(session.cursor.pointee.keptRows) * scale * 1.02) + 64)
      }
    }
    try session.finish()
    lineScan?.finish()

    let cursor = session.cursor
    guard cursor.pointee.columnCount > 0 else { throw IngestError.emptyFile(file: path) }
    guard cursor.pointee.recordsRead > 0 else { throw IngestError.headerOnly(file: path) }
    var result = try TableAssembler.assemble(
      path: path,
      source: source,
      sniffed: sniffed,
      encoding: encoding,
      lineScan: lineScan,
      keepsRawText: keepsRawText,
      cursor: &cursor.pointee
    )
    if endOfFileMark { result.notes.append("the file ends with a DOS end-of-file mark (Ctrl-Z); ignored") }
    return result
  }

  /// Ctrl-Z, which DOS-era tools write after the last line.
  static let endOfFileMark: UInt8 = 0x1A

  /// Where the parser reads from (the file, or its UTF-8 transcoding when it is UTF-16) and the
  /// dialect read off its first MiB (a header of thousands of long question names and the rows
  /// after it); the source is rewound for parsing.
  private func open(_ file: InputFile) throws -> (any ByteSource, DialectSniffer.Sniffed) {
    let prefix = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { prefix.deallocate() }
    var filled = try file.read(into: prefix)
    guard filled > 0 else { throw IngestError.emptyFile(file: file.path) }
    var source: any ByteSource = file
    let utf16 = try UTF16Text.detect(UnsafeRawBufferPointer(rebasing: prefix[..<filled]), file: file.path)
    if let utf16 {
      source = try UTF16Text.transcode(file, as: utf16)
      filled = try source.read(into: prefix)
      guard filled > 0 else { throw IngestError.emptyFile(file: file.path) }
    }
    try source.rewind()
    let sniffed = try DialectSniffer.sniff(
      UnsafeRawBufferPointer(rebasing: prefix[..<filled]), complete: filled < prefix.count, file: file.path,
      encoding: utf16, separator: separator)
    return (source, sniffed)
  }
}
