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

  /// Whether the scan stands at the start of a line (after a line feed), where a scan of what
  /// follows from a fresh start carries on exactly.
  var isAtLineStart: Bool { pending == 0 && !afterCarriageReturn && !lineInvalid && !lineHasMultiByte }

  /// Carries on with `tail`, a scan of the bytes that follow this one's from line 1 (this scan
  /// standing at a line start): its lines are moved after this scan's.
  mutating func append(_ tail: UTF8LineScan) {
    let lines = line - 1
    invalidLines += tail.invalidLines.map { $0 + lines }
    utf8Lines += tail.utf8Lines
    line = lines + tail.line
    (lineInvalid, lineHasMultiByte, afterCarriageReturn) = (
      tail.lineInvalid, tail.lineHasMultiByte, tail.afterCarriageReturn
    )
    (pending, lower, upper) = (tail.pending, tail.lower, tail.upper)
  }

  mutating func scan(_ bytes: UnsafeRawBufferPointer) {
    var index = 0
    while index < bytes.count {
      // Eight ASCII bytes without a carriage return, outside a sequence and not after a CR (most
      // of an export): only their line feeds matter.
      if pending == 0 && !afterCarriageReturn && index + 8 <= bytes.count {
        let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if word & Self.highBits == 0 && Self.count(of: LineBreaks.carriageReturn, in: word) == 0 {
          let lineFeeds = Self.count(of: LineBreaks.lineFeed, in: word)
          if lineFeeds > 0 {
            endLine()
            // The lines after the first are whole ASCII lines: nothing to record.
            line += lineFeeds - 1
          }
          index += 8
          continue
        }
      }
      scan(bytes[index])
      index += 1
    }
  }

  private static let highBits: UInt64 = 0x8080_8080_8080_8080
  private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// How many bytes of an ASCII `word` equal `byte` (exact: no carry crosses bytes).
  @inline(__always)
  private static func count(of byte: UInt8, in word: UInt64) -> Int {
    let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    let nonzero = ((difference & lowBits) &+ lowBits) | difference
    return (~nonzero & highBits).nonzeroBitCount
  }

  /// One byte through the line's state.
  private mutating func scan(_ byte: UInt8) {
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
      return
    }
    afterCarriageReturn = false
    if pending > 0 {
      if byte >= lower && byte <= upper {
        pending -= 1
        lower = 0x80
        upper = 0xBF
        return
      }
      // The sequence is cut short: the line is invalid, and this byte starts afresh.
      lineInvalid = true
      pending = 0
      lower = 0x80
      upper = 0xBF
      if byte < 0x80 {
        scan(byte)
        return
      }
    }
    lineHasMultiByte = true
    if let sequence = UTF8Validation.sequence(startingWith: byte) {
      (pending, lower, upper) = sequence
    } else {
      lineInvalid = true
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
