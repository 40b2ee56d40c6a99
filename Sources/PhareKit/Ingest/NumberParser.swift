import Glibc

/// Reads a field as a number the way survey exports write numbers: `-12`, `7.5`, or `7,5`
/// where the dialect uses a decimal comma.
///
/// Deliberately narrow: no exponent, no `+`, no surrounding spaces, and no leading zero
/// (`007` is an identifier, not 7), so that a value read as a number prints back the same.
enum NumberParser {
  static func parse(_ bytes: UnsafeRawBufferPointer, decimalComma: Bool) -> Double? {
    let count = bytes.count
    guard count > 0, count < 64 else { return nil }
    var index = 0
    let negative = bytes[0] == UInt8(ascii: "-")
    if negative { index = 1 }
    let integerStart = index
    var mantissa: UInt64 = 0
    var digits = 0
    while index < count, bytes[index] &- 48 < 10 {
      mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 48)
      digits += 1
      index += 1
    }
    let integerDigits = index - integerStart
    guard integerDigits > 0 else { return nil }
    if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { return nil }
    var fractionDigits = 0
    if index < count {
      let mark = bytes[index]
      guard mark == UInt8(ascii: ".") || (decimalComma && mark == UInt8(ascii: ",")) else { return nil }
      index += 1
      while index < count, bytes[index] &- 48 < 10 {
        mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 48)
        digits += 1
        fractionDigits += 1
        index += 1
      }
      guard fractionDigits > 0, index == count else { return nil }
    }
    let magnitude: Double
    if digits <= 15 && fractionDigits <= 22 {
      // Clinger's fast path: both operands exact, so the quotient is correctly rounded.
      magnitude = Double(mantissa) / powersOfTen[fractionDigits]
    } else {
      magnitude = correctlyRounded(bytes, from: integerStart)
    }
    return negative ? -magnitude : magnitude
  }

  private static let powersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }

  /// strtod on a NUL-terminated copy with a `.` decimal mark, for digit strings too long for the fast path.
  private static func correctlyRounded(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Double {
    var buffer = [CChar](repeating: 0, count: bytes.count - start + 1)
    for index in start..<bytes.count {
      buffer[index - start] =
        bytes[index] == UInt8(ascii: ",") ? CChar(UInt8(ascii: ".")) : CChar(bitPattern: bytes[index])
    }
    return strtod(buffer, nil)
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
