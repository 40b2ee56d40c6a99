import Foundation

/// Writes CSV as RFC 4180 says (comma, CRLF line ends, fields quoted only when they hold the
/// separator, a quote or a line break) or in the French Excel locale (`;`, decimal comma, BOM).
///
/// Every text cell is neutralised against formula injection: text a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@`, tab or carriage return first) is prefixed with `'`, unless it is a
/// plain number such as `-12`. Number cells are never touched.
struct CSVWriter {
  let locale: CSVLocale
  private(set) var text: String

  init(locale: CSVLocale) {
    self.locale = locale
    text = locale.preamble
  }

  mutating func row(_ cells: [CSVCell]) {
    var first = true
    for cell in cells {
      if !first { text.append(locale.separator) }
      first = false
      text += quote(field(cell))
    }
    text += "\r\n"
  }

  private func field(_ cell: CSVCell) -> String {
    switch cell {
    case .empty:
      return ""
    case .text(let value):
      return Self.neutralised(value)
    case .integer(let value):
      return String(value)
    case .number(let value):
      guard value.isFinite else { return value.isNaN ? "NaN" : value < 0 ? "-Inf" : "Inf" }
      return locale.localised(Self.positional(NumberParser.render(value, decimalComma: false)))
    case .fixed(let value, let decimals, let note):
      let number = locale.localised(Format.fixed(value, decimals))
      return note.isEmpty ? number : Self.neutralised(number + " " + note)
    }
  }

  /// Shortest round-trip digits without an exponent (`1.5e-08` → `0.000000015`): spreadsheets in
  /// every locale, and phare's own ingest, read them as numbers.
  static func positional(_ number: String) -> String {
    guard number.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
      let e = number.firstIndex(where: { $0 == "e" || $0 == "E" }),
      let exponent = Int(number[number.index(after: e)...])
    else { return number }
    let negative = number.hasPrefix("-")
    let mantissa = number[..<e].drop { $0 == "-" }
    let point = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
    let digits = Array(mantissa.filter { $0 != "." })
    let position = mantissa.distance(from: mantissa.startIndex, to: point) + exponent
    var text: String
    if position <= 0 {
      text = "0." + String(repeating: "0", count: -position) + String(digits)
    } else if position >= digits.count {
      text = String(digits) + String(repeating: "0", count: position - digits.count)
    } else {
      text = String(digits[..<position]) + "." + String(digits[position...])
    }
    while text.contains(".") && text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return negative ? "-" + text : text
  }

  /// Text with `'` before a leading formula character, except a plain number (`-12`, `-1.5`).
  static func neutralised(_ value: String) -> String {
    guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
    if value.wholeMatch(of: /-[0-9]+([.,][0-9]+)?/) != nil { return value }
    return "'" + value
  }

  /// Whether a field holds the separator, a quote or a line break (what `Character.isNewline`
  /// calls one: LF, VT, FF, CR, NEL, U+2028, U+2029), scanned as UTF-8 bytes: iterating Characters
  /// dominated the writing of indicators.csv.
  static func needsQuotes(_ bytes: String.UTF8View, separator: UInt8) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in bytes {
      switch byte {
      case separator, UInt8(ascii: "\""), 0x0A...0x0D: return true
      case 0x85 where previous.1 == 0xC2: return true
      case 0xA8 where previous == (0xE2, 0x80), 0xA9 where previous == (0xE2, 0x80): return true
      default: previous = (previous.1, byte)
      }
    }
    return false
  }

  private func quote(_ field: String) -> String {
    guard Self.needsQuotes(field.utf8, separator: locale.separator.asciiValue!) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
