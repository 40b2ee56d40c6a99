/// One stretch of an export's bytes fed, block by block, to one libcsv session and one UTF-8
/// line scan: the whole export, or the records after a split point parsed on another core.
struct ExportPart {
  var session: ParseSession
  var lineScan: UTF8LineScan?
  /// Bytes read from the source into this part, the skipped ones included.
  private(set) var consumed = 0
  /// Whether the file's last byte was a DOS end-of-file mark, left out of the text.
  private(set) var endOfFileMark = false
  private var skipBytesLeft: Int
  private var reserved = false
  private let blockSize: Int

  /// - Parameter skipping: leading bytes that are not parsed (a BOM, Excel's `sep=` line).
  init(session: ParseSession, lineScan: UTF8LineScan?, skipping: Int = 0, blockSize: Int) {
    self.session = session
    self.lineScan = lineScan
    self.skipBytesLeft = skipping
    self.blockSize = max(blockSize, 1)
  }

  /// Reads and parses `source` until `bytes` bytes have been consumed (or it ends); `endsFile`
  /// says the last of them is the file's last byte. `afterBlock` runs after each block;
  /// `beforePopulating` once the columns are sized from the first block, before their pages are
  /// touched.
  mutating func parse(
    _ source: any ByteSource, upTo bytes: Int, endsFile: Bool, afterBlock: (ExportPart) -> Void = { _ in },
    beforePopulating: () -> Void = {}
  ) throws {
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
    defer { block.deallocate() }
    while consumed < bytes {
      var filled = try source.read(
        into: UnsafeMutableRawBufferPointer(rebasing: block[..<min(blockSize, bytes - consumed)]))
      guard filled > 0 else { break }
      let skipped = min(skipBytesLeft, filled)
      skipBytesLeft -= skipped
      // A DOS end-of-file mark (Ctrl-Z) as the file's last byte ends the text; it is not a record.
      if endsFile && consumed + filled == bytes && filled > skipped && block[filled - 1] == CSVReader.endOfFileMark {
        filled -= 1
        endOfFileMark = true
      }
      let text = UnsafeRawBufferPointer(rebasing: block[skipped..<filled])
      lineScan?.scan(text)
      try session.parse(text)
      consumed += filled + (endOfFileMark ? 1 : 0)
      // Before the columns are sized: a part started from here (`CSVReader.parseInTwo`) sizes
      // its own on another core meanwhile.
      afterBlock(self)
      if !reserved && session.cursor.pointee.keptRows > 0 {
        // Size the columns once from the first block, so they do not grow by doubling.
        reserved = true
        let scale = Double(bytes) / Double(consumed)
        session.cursor.pointee.reserveRows(Int(Double(session.cursor.pointee.keptRows) * scale * 1.02) + 64)
        beforePopulating()
        session.cursor.pointee.populateReserved()
      }
    }
  }

  /// Whether `tail`, the parse of the bytes that follow this part's from a fresh start, can
  /// carry it on: this part stands between two records and two lines, and every column agrees.
  func canAppend(_ tail: ExportPart) -> Bool {
    session.isAtRecordBoundary && (lineScan?.isAtLineStart ?? true) && session.canAppend(tail.session)
  }

  /// Carries on with `tail`'s records and lines (`canAppend` holding) and closes it.
  mutating func append(_ tail: ExportPart) {
    session.append(tail.session)
    if let tailScan = tail.lineScan { lineScan?.append(tailScan) }
    endOfFileMark = tail.endOfFileMark
    tail.session.close()
  }
}
