/// Checks an export's bytes for UTF-8 line by line, in the same pass that feeds the parser.
///
/// Lines are physical lines as `LineBreaks` counts them (LF, CRLF, lone CR), numbered from the
/// first parsed line, so a quoted field spanning lines is checked line by line too. A sequence
/// cut by a line break makes its line invalid; a sequence cut by a block boundary is carried over.
struct UTF8LineScan {
  /// Physical lines that are not valid UTF-8, in file order.
  private(set) var invalidLines: [Int] = []
  /// Lines with at least one multi-byte UTF-8 character and no invalid byte.
  private(set) var utf8Lines = 0
  private var line: Int
  private var lineInvalid = false
  private var lineHasMultiByte = false
  private var afterCarriageReturn = false
  /// Continuation bytes still expected by the sequence in progress.
  private var pending = 0
  private var lower: UInt8 = 0x80
  private var upper: UInt8 = 0xBF

  /// - Parameter firstLine: the physical line of the first byte scanned (2 after a `sep=` line).
  init(firstLine: Int) { line = firstLine }

  mutating func scan(_ bytes: UnsafeRawBufferPointer) {
    for byte in bytes {
      if byte < 0x80 && pending == 0 {
        if byte == LineBreaks.lineFeed {
          if afterCarriageReturn {
            afterCarriageReturn = false
          } else {
            endLine()
          }
        } else if byte == LineBreaks.carriageReturn {
          endLine()
          afterCarriageReturn = true
        } else {
          afterCarriageReturn = false
        }
        continue
      }
      afterCarriageReturn = false
      if pending > 0 {
        if byte >= lower && byte <= upper {
          pending -= 1
          lower = 0x80
          upper = 0xBF
          continue
        }
        // The sequence is cut short: the line is invalid, and this byte starts afresh.
        lineInvalid = true
        pending = 0
        lower = 0x80
        upper = 0xBF
        if byte < 0x80 {
          scan(byte)
          continue
        }
      }
      lineHasMultiByte = true
      if let sequence = UTF8Validation.sequence(startingWith: byte) {
        (pending, lower, upper) = sequence
      } else {
        lineInvalid = true
      }
    }
  }

  /// Ends the last line (one without a final line break).
  mutating func finish() {
    if pending > 0 {
      lineInvalid = true
      pending = 0
    }
    if lineInvalid || lineHasMultiByte { endLine() }
  }

  private mutating func scan(_ byte: UInt8) {
    withUnsafeBytes(of: byte) { scan($0) }
  }

  private mutating func endLine() {
    if pending > 0 {
      lineInvalid = true
      pending = 0
      lower = 0x80
      upper = 0xBF
    }
    if lineInvalid {
      invalidLines.append(line)
    } else if lineHasMultiByte {
      utf8Lines += 1
    }
    lineInvalid = false
    lineHasMultiByte = false
    line += 1
  }
}
