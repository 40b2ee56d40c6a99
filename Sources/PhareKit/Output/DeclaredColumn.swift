import CReadStat

/// A clean column with the ReadStat variable declared for it and, in Stata, the tag of each
/// missing code; numbers and codes are read through pointers into the column's storage (valid
/// while the wave lives: `LabelledMicrodata.write` keeps it), so that a cell costs no reference
/// counting.
struct DeclaredColumn {
  /// How a cell is written, as `gather` finds it: a value, a blank (system-missing), text read
  /// from the column, or a Stata tag (its ASCII letter).
  static let value: UInt8 = 0
  static let blank: UInt8 = 1
  static let text: UInt8 = 2

  private enum Values {
    case numbers(UnsafeBufferPointer<Double>, missing: UnsafeBufferPointer<UInt64>)
    case codes(UnsafeBufferPointer<Int32>, missing: UnsafeBufferPointer<UInt64>)
    case text(Column)
    /// A Stata `strL`'s cells, as references to their texts (`ReadStatWriter.references`).
    case references([UnsafeMutablePointer<readstat_string_ref_t>])
  }

  private let values: Values
  let variable: UnsafeMutablePointer<readstat_variable_t>
  private let tags: [Int32: Character]

  /// A Stata `strL` column, its cells' references made.
  init(references: [UnsafeMutablePointer<readstat_string_ref_t>], variable: UnsafeMutablePointer<readstat_variable_t>) {
    values = .references(references)
    self.variable = variable
    tags = [:]
  }

  init(column: Column, variable: UnsafeMutablePointer<readstat_variable_t>, tags: [Int32: Character]) {
    switch column {
    case .numeric(let column):
      values = .numbers(column.values.unsafeElements, missing: column.missing.unsafeWords)
    case .coded(let column):
      values = .codes(column.codes.unsafeElements, missing: column.missing.unsafeWords)
    case .text, .categorical:
      values = .text(column)
    }
    self.variable = variable
    self.tags = tags
  }

  /// Writes the cells of `rows` into `numbers` and `kinds` (`value`, `blank`, `text` or a tag),
  /// one every `stride` elements from the first: the column read in order, not a row at a time.
  func gather(
    _ rows: Range<Int>, numbers: UnsafeMutablePointer<Double>, kinds: UnsafeMutablePointer<UInt8>, stride: Int
  ) {
    switch values {
    case .numbers(let values, let missing):
      gather(rows, values, missing, numbers: numbers, kinds: kinds, stride: stride) { ($0, Int32(exactly: $0)) }
    case .codes(let codes, let missing):
      gather(rows, codes, missing, numbers: numbers, kinds: kinds, stride: stride) { (Double($0), $0) }
    case .text, .references:
      for slot in Swift.stride(from: 0, to: rows.count * stride, by: stride) { kinds[slot] = Self.text }
    }
  }

  /// `gather` over a column's `values` and missing mask, each value `read` as a number and the
  /// code it may be.
  @inline(__always)
  private func gather<Element>(
    _ rows: Range<Int>, _ values: UnsafeBufferPointer<Element>, _ missing: UnsafeBufferPointer<UInt64>,
    numbers: UnsafeMutablePointer<Double>, kinds: UnsafeMutablePointer<UInt8>, stride: Int,
    read: (Element) -> (number: Double, code: Int32?)
  ) {
    var slot = 0
    for row in rows {
      if missing[row >> 6] & (1 << UInt64(row & 63)) != 0 {
        kinds[slot] = Self.blank
      } else {
        let (number, code) = read(values[row])
        numbers[slot] = number
        kinds[slot] = tags.isEmpty ? Self.value : tag(code)
      }
      slot += stride
    }
  }

  /// The kind of a number that may be a missing code written as a Stata tag.
  private func tag(_ code: Int32?) -> UInt8 {
    code.flatMap { tags[$0]?.asciiValue } ?? Self.value
  }

  /// Writes the text cell of `row` (by reference in a Stata `strL`).
  func insertText(_ row: Int, _ writer: ReadStatWriter) throws {
    switch values {
    case .references(let references): try writer.insert(references[row], variable)
    case .text(let column):
      guard let text = column.text(at: row) else { return try writer.insertMissing(variable) }
      try writer.insert(text, variable)
    case .numbers, .codes: try writer.insertMissing(variable)
    }
  }
}
