/// Accumulates one column straight from the parser's field buffers.
///
/// A column starts numeric (the fast path: plain integers parsed in place). The first value
/// that is not a number switches it to dictionary mode, where every distinct byte string gets
/// a code; `finish` then decides the final type from the distinct values actually kept.
struct ColumnBuilder {
  private enum Mode { case numeric, dictionary }

  private var mode = Mode.numeric
  private var numbers: [Double] = []
  private var missing = MissingMask()
  private var codes: [Int32] = []
  private(set) var dictionary = ByteStringInterner()
  private let decimalComma: Bool
  private(set) var count = 0

  init(decimalComma: Bool) {
    self.decimalComma = decimalComma
  }

  mutating func reserveCapacity(_ rows: Int) {
    switch mode {
    case .numeric:
      numbers.reserveCapacity(rows)
      missing.reserveCapacity(rows)
    case .dictionary:
      codes.reserveCapacity(rows)
    }
  }

  /// Appends a field if it is empty or a plain integer while the column is numeric; returns
  /// false, appending nothing, when the field needs `appendField`.
  @inline(__always)
  mutating func appendFast(_ field: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    if length == 0 {
      appendMissing()
      return true
    }
    guard mode == .numeric, length <= 15 else { return false }
    var index = 0
    let negative = field[0] == UInt8(ascii: "-")
    if negative {
      guard length > 1 else { return false }
      index = 1
    }
    if field[index] == UInt8(ascii: "0") && length - index > 1 { return false }
    var value: Int64 = 0
    while index < length {
      let digit = field[index] &- 48
      if digit > 9 { return false }
      value = value &* 10 &+ Int64(digit)
      index += 1
    }
    numbers.append(negative ? -Double(value) : Double(value))
    missing.append(missing: false)
    count += 1
    return true
  }

  /// Appends any non-empty field: a decimal number, or a value for the dictionary.
  mutating func appendField(_ field: UnsafeRawBufferPointer) {
    if mode == .numeric {
      if let value = NumberParser.parse(field, decimalComma: decimalComma) {
        numbers.append(value)
        missing.append(missing: false)
        count += 1
        return
      }
      switchToDictionary()
    }
    codes.append(dictionary.intern(field))
    count += 1
  }

  @inline(__always)
  private mutating func appendMissing() {
    switch mode {
    case .numeric:
      numbers.append(.nan)
      missing.append(missing: true)
    case .dictionary:
      codes.append(CategoricalColumn.missingCode)
    }
    count += 1
  }

  /// Re-encodes the numbers seen so far as dictionary codes, rendered as `NumberParser` reads them.
  private mutating func switchToDictionary() {
    codes.reserveCapacity(numbers.capacity)
    for row in 0..<count {
      if missing[row] {
        codes.append(CategoricalColumn.missingCode)
      } else {
        let text = NumberParser.render(numbers[row], decimalComma: decimalComma)
        codes.append(text.utf8.withContiguousStorageIfAvailable { dictionary.intern(UnsafeRawBufferPointer($0)) }!)
      }
    }
    numbers = []
    missing = MissingMask()
    mode = .dictionary
  }

  /// Drops the values from row `rows` on, when the record they belong to is rejected.
  mutating func truncate(to rows: Int) {
    guard rows < count else { return }
    switch mode {
    case .numeric:
      numbers.removeLast(count - rows)
      missing.truncate(to: rows)
    case .dictionary:
      codes.removeLast(count - rows)
    }
    count = rows
  }

  /// The finished column; `decode` turns dictionary bytes into strings in the file's encoding.
  consuming func finish(decode: (UnsafeRawBufferPointer) -> String) -> Column {
    switch mode {
    case .numeric:
      return .numeric(NumericColumn(values: numbers, missing: missing))
    case .dictionary:
      return ColumnTypeInference.column(
        codes: codes,
        dictionary: dictionary,
        decimalComma: decimalComma,
        decode: decode
      )
    }
  }
}
