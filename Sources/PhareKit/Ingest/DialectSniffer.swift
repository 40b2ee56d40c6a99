/// Reads the dialect of an export off its first block: byte-order mark, an Excel `sep=` line,
/// the separator from the field counts of the header and the records after it, the line ending
/// from the header line, and whether the bytes are text at all.
struct DialectSniffer {
  /// What the first block says; the encoding of files without a BOM that are not UTF-16 is
  /// settled only after parsing (see `TableAssembler`).
  struct Sniffed {
    /// UTF-16 (transcoded before parsing) or UTF-8 with a BOM; nil when the bytes must tell.
    var encoding: TextEncoding?
    var separator: Separator
    var lineEnding: LineEnding
    /// Bytes before the header that the parser skips: a UTF-8 BOM and an Excel `sep=` line.
    var skippedBytes: Int
    /// The physical line the parser starts on: 2 after a `sep=` line.
    var firstLine: Int
    /// The separator an Excel `sep=` first line named.
    var separatorLine: Separator?
  }

  static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// - Parameters:
  ///   - block: the start of the file (of its UTF-8 transcoding when `encoding` is UTF-16).
  ///   - complete: whether `block` is the whole file.
  /// - Throws: `IngestError` for binary content and a separator two candidates fit equally well.
  static func sniff(
    _ block: UnsafeRawBufferPointer, complete: Bool, file: String, encoding: TextEncoding?,
    separator override: Separator?
  ) throws -> Sniffed {
    let hasBOM = block.starts(with: utf8BOM)
    var text = UnsafeRawBufferPointer(rebasing: block[(hasBOM ? utf8BOM.count : 0)...])
    if looksBinary(text) {
      throw IngestError.binaryFile(file: file)
    }
    let separatorLine = excelSeparatorLine(text)
    if let separatorLine {
      text = UnsafeRawBufferPointer(rebasing: text[separatorLine.length...])
    }
    let header = scanHeaderLine(text)
    let firstLine = separatorLine == nil ? 1 : 2
    let separator =
      try override ?? separatorLine?.separator
      ?? chooseSeparator(
        Separator.allCases.map { FieldCountSampler.evidence(text, separator: $0, complete: complete) },
        headerOnly: header.separator, file: file, line: firstLine)
    return Sniffed(
      encoding: encoding ?? (hasBOM ? .utf8WithBOM : nil),
      separator: separator,
      lineEnding: header.lineEnding,
      skippedBytes: (hasBOM ? utf8BOM.count : 0) + (separatorLine?.length ?? 0),
      firstLine: firstLine,
      separatorLine: separatorLine?.separator
    )
  }

  /// The separator whose header splits into the most consistent records: among candidates that
  /// split the header at all, the one with the largest share of sampled rows having the header's
  /// field count. No candidate splitting the header means a single-column file, read as
  /// comma-separated; a header that does not end in the block, or has no row after it there,
  /// falls back to `headerOnly`. Of candidates that fit as well, the only one whose quotes all
  /// sit at field edges wins.
  /// - Throws: `IngestError.ambiguousSeparator` when the best share is shared by two candidates.
  static func chooseSeparator(
    _ evidence: [SeparatorEvidence], headerOnly: Separator, file: String, line: Int
  ) throws -> Separator {
    guard evidence.contains(where: { $0.headerFields > 0 }) else { return headerOnly }
    let splitting = evidence.filter { $0.headerFields >= 2 }
    guard var best = splitting.first else { return .comma }
    guard splitting.contains(where: { $0.rows > 0 }) else { return headerOnly }
    for candidate in splitting.dropFirst() where candidate.agreesBetter(than: best) {
      best = candidate
    }
    var tied = splitting.filter { $0.agreesAsWell(as: best) }
    // Of two splits that fit as well, one that leaves quotes inside fields is wrong.
    if tied.count > 1 && tied.filter(\.quotesAtFieldEdges).count == 1 { tied = tied.filter(\.quotesAtFieldEdges) }
    guard tied.count == 1 else {
      throw IngestError.ambiguousSeparator(file: file, line: line, evidence: tied)
    }
    return tied[0].separator
  }

  /// Excel's `sep=;` first line (any candidate separator, any case), also as a spreadsheet
  /// re-saves it: quoted (`"sep=;"`) and padded with separators to the header's width
  /// (`"sep=;";;;;`, `sep=;;;;`); and its length with its line terminator.
  static func excelSeparatorLine(_ text: UnsafeRawBufferPointer) -> (separator: Separator, length: Int)? {
    let quote = UInt8(ascii: "\"")
    let quoted = text.first == quote
    var length = quoted ? 1 : 0
    guard text.count >= length + 5, Array(text[length..<length + 4]).map({ $0 | 0x20 }) == Array("sep=".utf8),
      let separator = Separator.allCases.first(where: { $0.byte == text[length + 4] })
    else { return nil }
    length += 5
    if quoted {
      guard length < text.count && text[length] == quote else { return nil }
      length += 1
    }
    while length < text.count && text[length] == separator.byte { length += 1 }
    let content = length
    if length < text.count && text[length] == LineBreaks.carriageReturn { length += 1 }
    if length < text.count && text[length] == LineBreaks.lineFeed { length += 1 }
    guard length > content || length == text.count else { return nil }
    return (separator, length)
  }

  /// A NUL byte, or more than 10% control characters other than tab, CR, LF and form feed,
  /// in the first 8 KiB: what `file` and git call binary.
  static func looksBinary(_ text: UnsafeRawBufferPointer) -> Bool {
    let sample = text.prefix(8192)
    var controls = 0
    for byte in sample {
      if byte == 0 { return true }
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
        controls += 1
      }
    }
    return controls * 10 > sample.count
  }

  /// Counts candidate separators outside quotes on the header line and finds its terminator.
  /// The most frequent separator wins; ties go to `;`, then tab, then `,`, then `|`; none at all
  /// means a single-column file, read as comma-separated. Used alone only when no row follows
  /// the header.
  static func scanHeaderLine(_ text: UnsafeRawBufferPointer) -> (separator: Separator, lineEnding: LineEnding) {
    var counts: [Separator: Int] = [:]
    var quoted = false
    var index = 0
    var lineEnding = LineEnding.none
    while index < text.count {
      let byte = text[index]
      if byte == UInt8(ascii: "\"") {
        quoted.toggle()
      } else if !quoted && (byte == 0x0A || byte == 0x0D) {
        if byte == 0x0A {
          lineEnding = .lf
        } else {
          lineEnding = index + 1 < text.count && text[index + 1] == 0x0A ? .crlf : .cr
        }
        break
      } else if !quoted, let separator = Separator.allCases.first(where: { $0.byte == byte }) {
        counts[separator, default: 0] += 1
      }
      index += 1
    }
    var separator = Separator.comma
    var bestCount = 0
    for candidate in [Separator.semicolon, .tab, .comma, .pipe] where counts[candidate, default: 0] > bestCount {
      separator = candidate
      bestCount = counts[candidate, default: 0]
    }
    return (separator, lineEnding)
  }
}
