/// How one column of a clean table is written to CSV, decided once per column: pointers into the
/// column's storage (valid while the table lives: the caller keeps it alive) and the bytes of its
/// labels encoded once per code, so that a cell costs a branch and a few byte appends.
struct CleanColumnCells {
  private enum Values {
    case numbers(UnsafeBufferPointer<Double>)
    case codes(UnsafeBufferPointer<Int32>)
    case levels(UnsafeBufferPointer<Int32>)
    case text(TextColumn)
  }

  private let values: Values
  /// The column's missing mask (one bit per row), for numbers and codes.
  private let missing: UnsafeBufferPointer<UInt64>
  /// Encoded fields by code: labels (answers first, then missing codes) of numbers and codes when
  /// labels are asked, levels of categories.
  private let encoded: [Int32: [UInt8]]

  /// The writer of `column`; `labels` writes a code's label instead of the code wherever the
  /// variable has one.
  init(_ column: Column, variable: CleanVariable, labels: Bool, writer: CSVWriter) {
    var encoded: [Int32: [UInt8]] = [:]
    if labels {
      for value in variable.values + variable.missingCodes {
        guard let code = Int32(exactly: value.code), encoded[code] == nil else { continue }
        encoded[code] = writer.encodedCell(.text(value.label))
      }
    }
    switch column {
    case .numeric(let numbers):
      values = .numbers(numbers.values.unsafeElements)
      missing = numbers.missing.unsafeWords
    case .coded(let codes):
      values = .codes(codes.codes.unsafeElements)
      missing = codes.missing.unsafeWords
    case .categorical(let categories):
      values = .levels(categories.codes.unsafeElements)
      missing = UnsafeBufferPointer(start: nil, count: 0)
      encoded = Dictionary(
        uniqueKeysWithValues: categories.levels.enumerated().map { (Int32($0), writer.encodedCell(.text($1))) })
    case .text(let text):
      values = .text(text)
      missing = UnsafeBufferPointer(start: nil, count: 0)
    }
    self.encoded = encoded
  }

  /// Appends the cell of `row`.
  func append(_ row: Int, to writer: inout CSVWriter) {
    switch values {
    case .numbers(let numbers):
      guard !isMissing(row) else { return writer.appendEmpty() }
      let value = numbers[row]
      if !encoded.isEmpty, let code = Int32(exactly: value), let label = encoded[code] {
        writer.append(verbatim: label)
      } else {
        writer.append(number: value)
      }
    case .codes(let codes):
      guard !isMissing(row) else { return writer.appendEmpty() }
      let code = codes[row]
      if !encoded.isEmpty, let label = encoded[code] {
        writer.append(verbatim: label)
      } else {
        writer.append(integer: Int64(code))
      }
    case .levels(let codes):
      if let level = encoded[codes[row]] { writer.append(verbatim: level) } else { writer.appendEmpty() }
    case .text(let column):
      if let value = column[row] { writer.append(text: value) } else { writer.appendEmpty() }
    }
  }

  private func isMissing(_ row: Int) -> Bool {
    missing[row >> 6] & (1 << UInt64(row & 63)) != 0
  }
}
