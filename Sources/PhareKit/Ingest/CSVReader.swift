import CLibCSV
import Foundation
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
  /// Exports whose text has at least this many bytes are parsed in two halves on two cores
  /// (`parseInTwo`), with the same result as one parse (`ExportReader.splitsAbove`).
  public var splitsAbove = ExportReader.splitsAbove
  /// Where the split falls, as a fraction of the text (tests move it across every record).
  var splitFraction = 0.5

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
    var session = ParseSession(path: path, separator: sniffed.separator, firstLine: sniffed.firstLine)
    session.cursor.pointee.textColumns = textColumns
    session.cursor.pointee.personalColumns = personalColumns
    defer { session.close() }
    // UTF-16 was transcoded to valid UTF-8; forced Windows-1252 needs no check.
    let checksUTF8 = sniffed.encoding?.isUTF16 != true && encoding != .windows1252
    var part = ExportPart(
      session: session, lineScan: checksUTF8 ? UTF8LineScan(firstLine: sniffed.firstLine) : nil,
      skipping: sniffed.skippedBytes, blockSize: blockSize)
    var parsedInTwo = false
    if source is InputFile, let split = try splitPoint(file, skipping: sniffed.skippedBytes) {
      parsedInTwo = try parseInTwo(file, at: split, into: &part, checksUTF8: checksUTF8)
    } else {
      try part.parse(source, upTo: source.size, endsFile: true)
    }
    session = part.session
    try session.finish()
    var lineScan = part.lineScan
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
    result.parsedInTwo = parsedInTwo
    if part.endOfFileMark { result.notes.append("the file ends with a DOS end-of-file mark (Ctrl-Z); ignored") }
    return result
  }

  /// Ctrl-Z, which DOS-era tools write after the last line.
  static let endOfFileMark: UInt8 = 0x1A

  /// Parses the records before `split` into `head` while another core parses those after it from
  /// a fresh start, then joins the two: exactly the single parse when `head` ends between two
  /// records and lines and every column agrees (`ExportPart.canAppend`); otherwise `head` parses
  /// the rest itself. Returns whether the two were joined.
  private func parseInTwo(_ file: InputFile, at split: Int, into head: inout ExportPart, checksUTF8: Bool) throws
    -> Bool
  {
    var tail: BackgroundValue<TailParse>?
    // Both parts size their columns before either touches their pages: a part touching pages holds
    // the address space for reading, which the other part's allocations wait for. A part no thread
    // has started yet is not waited for (it may wait for this one's thread).
    let tailSized = DispatchSemaphore(value: 0)
    do {
      try head.parse(file, upTo: split, endsFile: false) { head in
        guard tail == nil, head.session.headerIsRead else { return }
        let part = TailParse(
          part: ExportPart(
            session: ParseSession(continuing: head.session), lineScan: checksUTF8 ? UTF8LineScan(firstLine: 1) : nil,
            blockSize: blockSize))
        let path = file.path
        tail = BackgroundValue { part.parsed(path, from: split, sized: tailSized) }
      } beforePopulating: {
        if let tail, tail.hasStarted { tailSized.wait() }
      }
    } catch {
      tail?.value.part?.session.close()
      throw error
    }
    if let parsed = tail?.value.part {
      if head.canAppend(parsed) {
        head.append(parsed)
        return true
      }
      parsed.session.close()
    }
    try head.parse(file, upTo: file.size, endsFile: true)
    return false
  }

  /// Where a large export is cut in two for `parseInTwo`: after the first line feed from
  /// `splitFraction` of its text on, or nil when it is below `splitsAbove` or no line feed follows
  /// soon enough.
  private func splitPoint(_ file: InputFile, skipping skipped: Int) throws -> Int? {
    let text = file.size - skipped
    guard text >= splitsAbove, text > 0 else { return nil }
    let middle = skipped + Int(Double(text) * splitFraction)
    let window = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    defer { window.deallocate() }
    try file.seek(to: middle)
    let filled = try file.read(into: window)
    try file.seek(to: 0)
    guard let lineFeed = window[..<filled].firstIndex(of: LineBreaks.lineFeed), middle + lineFeed + 1 < file.size else {
      return nil
    }
    return middle + lineFeed + 1
  }

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
