import Foundation

/// Writes CSV as RFC 4180 says (comma, CRLF line ends, fields quoted only when they hold the
/// separator, a quote or a line break) or in the French Excel locale (`;`, decimal comma, BOM),
/// as UTF-8 bytes appended to one buffer: no String per field.
///
/// Every text cell is neutralised against formula injection: text a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@`, tab or carriage return first) is prefixed with `'`, unless it is a
/// plain number such as `-12`. Number cells are never touched.
struct CSVWriter {
  let locale: CSVLocale
  private(set) var bytes: [UInt8]
  private let separator: UInt8
  /// Whether the next field starts a row (no separator before it).
  private var atRowStart = true

  /// A writer of `locale`'s CSV; `continuing` leaves out the preamble (BOM), for rows that follow
  /// another writer's.
  init(locale: CSVLocale, continuing: Bool = false, reservingCapacity capacity: Int = 0) {
    self.locale = locale
    separator = locale.separator.asciiValue!
    bytes = continuing ? [] : Array(locale.preamble.utf8)
    bytes.reserveCapacity(capacity)
  }

  /// The CSV written so far, as text.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  mutating func row(_ cells: [CSVCell]) {
    for cell in cells { append(cell) }
    endRow()
  }

  /// Ends the current row with CRLF.
  mutating func endRow() {
    bytes.append(0x0D)
    bytes.append(0x0A)
    atRowStart = true
  }

  mutating func append(_ cell: CSVCell) {
    switch cell {
    case .empty: appendEmpty()
    case .text(let value): append(text: value)
    case .integer(let value): append(integer: Int64(value))
    case .number(let value): append(number: value)
    case .fixed(let value, let decimals, let note):
      let number = locale.localised(Format.fixed(value, decimals))
      if note.isEmpty { append(encodedField: Array(number.utf8)) } else { append(text: number + " " + note) }
    }
  }

  mutating func appendEmpty() { startField() }

  /// A text field, neutralised and quoted as needed.
  mutating func append(text value: String) {
    var text = Self.neutralised(value)
    text.withUTF8 { append(encodedField: $0) }
  }

  /// A field's bytes, quoted as needed (neither neutralised nor localised).
  mutating func append<Field: Collection<UInt8>>(encodedField field: Field) {
    startField()
    guard Self.needsQuotes(field, separator: separator) else {
      bytes.append(contentsOf: field)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for byte in field {
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Bytes known to need neither quotes nor neutralising (from `encodedCell`), appended as they are.
  mutating func append<Field: Collection<UInt8>>(verbatim field: Field) {
    startField()
    bytes.append(contentsOf: field)
  }

  /// An integer in decimal digits.
  mutating func append(integer value: Int64) {
    startField()
    if value >= 0 && value < 10 {
      // Most cells of a survey table are one digit: a code, a flag, a score.
      bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
      return
    }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var index = digits.count
      repeat {
        index -= 1
        digits[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: digits[index...]))
    }
  }

  /// A number written so it reads back exactly: whole numbers below 10^15 as integers, others as
  /// the shortest round-trip digits without an exponent, with the locale's decimal mark; `NaN`,
  /// `Inf`, `-Inf` as R writes them.
  mutating func append(number value: Double) {
    if value.rounded() == value && abs(value) < 1e15 {
      append(integer: Int64(value))
      return
    }
    guard value.isFinite else {
      append(verbatim: Array((value.isNaN ? "NaN" : value < 0 ? "-Inf" : "Inf").utf8))
      return
    }
    var text = Self.positional(String(value))
    if locale == .french { text = locale.localised(text) }
    text.withUTF8 { append(encodedField: $0) }
  }

  /// The bytes `append(_:)` writes for one cell, for a column to cache per distinct value.
  func encodedCell(_ cell: CSVCell) -> [UInt8] {
    var writer = CSVWriter(locale: locale, continuing: true)
    writer.append(cell)
    return writer.bytes
  }

  private mutating func startField() {
    if atRowStart { atRowStart = false } else { bytes.append(separator) }
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

  /// Whether text starting with these UTF-8 bytes may be changed by `neutralised` (its first byte
  /// is a formula character).
  @inline(__always)
  static func mayNeedNeutralising(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.first.map(isFormulaStart) ?? false
  }

  /// Whether a text's first UTF-8 byte makes a spreadsheet read it as a formula: `=`, `+`, `-`,
  /// `@`, tab or carriage return.
  @inline(__always)
  private static func isFormulaStart(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
    default: return false
    }
  }

  /// Text with `'` before a leading formula character, except a plain number (`-12`, `-1.5`).
  static func neutralised(_ value: String) -> String {
    guard value.utf8.first.map(isFormulaStart) == true else { return value }
    if value.wholeMatch(of: /-[0-9]+([.,][0-9]+)?/) != nil { return value }
    return "'" + value
  }

  /// Whether a field holds the separator, a quote or a line break (what `Character.isNewline`
  /// calls one: LF, VT, FF, CR, NEL, U+2028, U+2029), scanned as UTF-8 bytes.
  static func needsQuotes<Bytes: Sequence<UInt8>>(_ bytes: Bytes, separator: UInt8) -> Bool {
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
}
