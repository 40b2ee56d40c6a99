/// Reads the dialect of an export off its first block: byte-order mark, separator and line
/// ending from the header line, and whether the bytes are text at all.
struct DialectSniffer {
  /// What the first block says; the encoding is settled only after parsing (see `TableBuilder`).
  struct Sniffed {
    var hasBOM: Bool
    var separator: Separator
    var lineEnding: LineEnding
  }

  static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// - Throws: `IngestError` for UTF-16 and binary content.
  static func sniff(_ block: UnsafeRawBufferPointer, file: String, separator override: Separator?) throws
    -> Sniffed
  {
    if block.count >= 2 && ((block[0] == 0xFF && block[1] == 0xFE) || (block[0] == 0xFE && block[1] == 0xFF)) {
      throw IngestError.unsupportedEncoding(file: file, encoding: "UTF-16")
    }
    let hasBOM = block.starts(with: utf8BOM)
    let text = UnsafeRawBufferPointer(rebasing: block[(hasBOM ? 3 : 0)...])
    if looksBinary(text) {
      throw IngestError.binaryFile(file: file)
    }
    let header = scanHeaderLine(text)
    return Sniffed(
      hasBOM: hasBOM,
      separator: override ?? header.separator,
      lineEnding: header.lineEnding
    )
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
  /// The most frequent separator wins; ties go to `;`, then tab, then `,`; none at all means a
  /// single-column file, read as comma-separated.
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
    for candidate in [Separator.semicolon, .tab, .comma] where counts[candidate, default: 0] > bestCount {
      separator = candidate
      bestCount = counts[candidate, default: 0]
    }
    return (separator, lineEnding)
  }
}
