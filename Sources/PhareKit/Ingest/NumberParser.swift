import Glibc

/// Reads a field as a number the way survey exports write numbers: `-12`, `7.5`, `7,5` where
/// the dialect uses a decimal comma, and grouped digits as French exports write them.
///
/// Grouped digits: `1 234`, `1 200,50` with spaces, no-break spaces (U+00A0, or byte A0 in
/// Windows-1252) or narrow no-break spaces (U+202F); `1.234.567` and `1.200,50` with dots;
/// `1,234,567` and `1,234.5` with commas. The first group has 1 to 3 digits (not starting with 0),
/// every other exactly 3, one separator throughout; when two kinds appear, the last is the
/// decimal mark. A single `.` or `,` after 1 to 3 digits (not 0) and before exactly three is
/// ambiguous (`1,234`, `1.234`: 1.234 or 1234?), except a `.` in a file whose decimal mark is `.`
/// (separated by `,` or tab), where it is the decimal mark, and unless the column's other values
/// settle the mark (`MarkEvidence`).
///
/// Scientific notation as R's `write.csv` (`1e+05`, `1.5e-07`) and Excel (`1,5E+03` with a
/// decimal comma) write it: a mantissa without grouping, whose one mark is its decimal mark, then
/// `e` or `E`, an optional sign and 1 to 3 digits.
///
/// Deliberately narrow otherwise: no `+`, no surrounding spaces, and no leading zero
/// (`007` is an identifier, not 7); `lenient` (the clean stage's reading) allows `+` and
/// leading zeros, and a decimal comma in any file.
enum NumberParser {
  static func parse(_ bytes: UnsafeRawBufferPointer, decimalComma: Bool) -> Double? {
    if case .number(let value) = read(bytes, decimalComma: decimalComma) { return value }
    return nil
  }

  // Separator kinds.
  private static let space: UInt8 = 1
  private static let noBreakSpace: UInt8 = 2
  private static let narrowNoBreakSpace: UInt8 = 3
  private static let dot: UInt8 = 4
  private static let comma: UInt8 = 5

  /// The number a field holds, if it holds one; see the type's rules.
  static func read(
    _ bytes: UnsafeRawBufferPointer, decimalComma: Bool, lenient: Bool = false, evidence: MarkEvidence = MarkEvidence()
  ) -> NumberReading {
    let count = bytes.count
    guard count > 0, count < 64 else { return .notANumber }
    var index = 0
    let negative = bytes[0] == UInt8(ascii: "-")
    if negative || (lenient && bytes[0] == UInt8(ascii: "+")) { index = 1 }
    let start = index
    var mantissa: UInt64 = 0
    var digits = 0
    var runLength = 0
    var firstRun = 0
    var separators = 0
    var firstKind: UInt8 = 0
    var lastKind: UInt8 = 0
    var earlierKindsAgree = true
    var middleRunsAreGroups = true
    var exponent: Int?
    while index < count {
      let byte = bytes[index]
      if byte | 0x20 == UInt8(ascii: "e") && runLength > 0 {
        guard let power = Self.exponent(bytes, from: index + 1) else { return .notANumber }
        exponent = power
        break
      }
      if byte &- 48 < 10 {
        mantissa = mantissa &* 10 &+ UInt64(byte &- 48)
        digits += 1
        runLength += 1
        index += 1
        continue
      }
      guard let (kind, length) = separator(bytes, at: index), runLength > 0 else { return .notANumber }
      if separators == 0 {
        firstRun = runLength
        firstKind = kind
      } else {
        if runLength != 3 { middleRunsAreGroups = false }
        if lastKind != firstKind { earlierKindsAgree = false }
      }
      lastKind = kind
      separators += 1
      runLength = 0
      index += length
    }
    guard runLength > 0 else { return .notANumber }
    let leadingZero = bytes[start] == UInt8(ascii: "0") && (separators == 0 ? runLength : firstRun) > 1
    let firstGroupIsValid = (1...3).contains(firstRun) && bytes[start] != UInt8(ascii: "0")
    let markIsDecimal = lastKind == dot || (lastKind == comma && (decimalComma || lenient))
    var fractionDigits = 0
    if let exponent {
      // A mantissa's one mark is its decimal mark: scientific notation never groups digits.
      guard separators == 0 || (separators == 1 && markIsDecimal), lenient || !leadingZero else {
        return .notANumber
      }
      fractionDigits = separators == 0 ? 0 : runLength
      let magnitude = correctlyRounded(bytes, from: start, fractionDigits: fractionDigits, exponent: exponent)
      return magnitude.isFinite ? .number(negative ? -magnitude : magnitude) : .notANumber
    }
    switch separators {
    case 0:
      guard lenient || !leadingZero else { return .notANumber }
    case 1 where lastKind == dot || lastKind == comma:
      if firstGroupIsValid && runLength == 3 && !(lastKind == dot && !decimalComma) {
        switch evidence.isDecimal(lastKind == dot ? UInt8(ascii: ".") : UInt8(ascii: ","), decimalComma: decimalComma) {
        case nil: return .ambiguous
        case false?: break
        case true?:
          guard markIsDecimal else { return .notANumber }
          fractionDigits = runLength
        }
      } else {
        guard markIsDecimal, lenient || !leadingZero else { return .notANumber }
        fractionDigits = runLength
      }
    default:
      guard earlierKindsAgree, firstGroupIsValid, middleRunsAreGroups else { return .notANumber }
      if lastKind == firstKind || lastKind < dot {
        // Groups all the way: the last separator is one more of them.
        guard lastKind == firstKind, runLength == 3 else { return .notANumber }
      } else {
        guard separators > 1, markIsDecimal else { return .notANumber }
        fractionDigits = runLength
      }
    }
    let magnitude: Double
    if digits <= 15 {
      // Clinger's fast path: both operands exact, so the quotient is correctly rounded.
      magnitude = Double(mantissa) / powersOfTen[fractionDigits]
    } else {
      magnitude = correctlyRounded(bytes, from: start, fractionDigits: fractionDigits, exponent: 0)
    }
    return .number(negative ? -magnitude : magnitude)
  }

  /// The kind and byte length of a separator at `index`: space, no-break space (UTF-8 or
  /// Windows-1252), narrow no-break space, `.` or `,`.
  private static func separator(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (UInt8, Int)? {
    switch bytes[index] {
    case UInt8(ascii: " "): return (space, 1)
    case UInt8(ascii: "."): return (dot, 1)
    case UInt8(ascii: ","): return (comma, 1)
    case 0xA0: return (noBreakSpace, 1)
    case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return (noBreakSpace, 2)
    case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF:
      return (narrowNoBreakSpace, 3)
    default: return nil
    }
  }

  private static let powersOfTen: [Double] = (0...15).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }

  /// strtod on a NUL-terminated copy of the digits with a `.` before the last `fractionDigits`,
  /// for digit strings too long for the fast path.
  private static func correctlyRounded(
    _ bytes: UnsafeRawBufferPointer, from start: Int, fractionDigits: Int, exponent: Int
  ) -> Double {
    var digits: [CChar] = []
    for index in start..<bytes.count {
      let byte = bytes[index]
      if byte | 0x20 == UInt8(ascii: "e") { break }
      if byte &- 48 < 10 { digits.append(CChar(bitPattern: byte)) }
    }
    if fractionDigits > 0 { digits.insert(CChar(UInt8(ascii: ".")), at: digits.count - fractionDigits) }
    if exponent != 0 { digits += "e\(exponent)".utf8.map { CChar(bitPattern: $0) } }
    digits.append(0)
    return strtod(digits, nil)
  }

  /// The power of ten after an `e`: an optional sign and 1 to 3 digits running to the field's end.
  private static func exponent(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
    var index = start
    let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
    if index < bytes.count && (negative || bytes[index] == UInt8(ascii: "+")) { index += 1 }
    guard (1...3).contains(bytes.count - index) else { return nil }
    var power = 0
    while index < bytes.count {
      let digit = bytes[index] &- 48
      guard digit < 10 else { return nil }
      power = power * 10 + Int(digit)
      index += 1
    }
    return negative ? -power : power
  }

  /// Writes a number back as text, as `parse` would have read it (used when a column that
  /// looked numeric turns out to hold text).
  static func render(_ value: Double, decimalComma: Bool) -> String {
    if value.rounded() == value && abs(value) < 1e15 {
      return String(Int64(value))
    }
    let text = String(value)
    return decimalComma ? String(text.map { $0 == "." ? "," : $0 }) : text
  }
}
