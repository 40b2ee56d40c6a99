/// How one column of a clean table is written to CSV, decided once per column: pointers into the
/// column's storage (valid while the table lives: the caller keeps it alive) and into the bytes of
/// its labels encoded once per code (pinned by the caller), so that a cell costs a branch, a table
/// look-up and a byte copy, and copying the writer counts no reference.
struct CleanColumnCells: @unchecked Sendable {
  private enum Kind { case numbers, codes, levels, text }

  private let kind: Kind
  private let numbers: UnsafeBufferPointer<Double>
  /// Codes of a coded column, or level indices of a categorical one.
  private let codes: UnsafeBufferPointer<Int32>
  private let text: UnsafeBufferPointer<String?>
  /// The column's missing mask (one bit per row), for numbers and codes.
  private let missing: UnsafeBufferPointer<UInt64>
  /// Encoded fields by code: labels (answers first, then missing codes) of numbers and codes when
  /// labels are asked, levels of categories.
  private let encoded: EncodedCodes

  /// The writer of `column`; `labels` writes a code's label instead of the code wherever the
  /// variable has one; labels, levels and text cells are copied into `memory`.
  init(_ column: Column, variable: CleanVariable, labels: Bool, writer: CSVWriter, memory: PinnedBuffers) {
    var fields: [(code: Int32, field: [UInt8])] = []
    if labels {
      for value in variable.values + variable.missingCodes {
        guard let code = Int32(exactly: value.code), !fields.contains(where: { $0.code == code }) else { continue }
        fields.append((code, writer.encodedCell(.text(value.label))))
      }
    }
    var numbers = UnsafeBufferPointer<Double>(start: nil, count: 0)
    var codes = UnsafeBufferPointer<Int32>(start: nil, count: 0)
    var missing = UnsafeBufferPointer<UInt64>(start: nil, count: 0)
    var text = UnsafeBufferPointer<String?>(start: nil, count: 0)
    switch column {
    case .numeric(let column):
      kind = .numbers
      numbers = column.values.unsafeElements
      missing = column.missing.unsafeWords
    case .coded(let column):
      kind = .codes
      codes = column.codes.unsafeElements
      missing = column.missing.unsafeWords
    case .categorical(let column):
      kind = .levels
      codes = column.codes.unsafeElements
      fields = column.levels.enumerated().map { (Int32($0), writer.encodedCell(.text($1))) }
    case .text(let column):
      kind = .text
      text = memory.pin(column.values)
    }
    (self.numbers, self.codes, self.missing, self.text) = (numbers, codes, missing, text)
    encoded = EncodedCodes(fields, pinnedBy: memory)
  }

  /// The gathered cell of a missing number or code (a NaN that no number is stored as, and
  /// above every 32-bit code).
  static let missingCell = UInt64.max

  /// Copies the cells of `rows` into `cells`, one every `stride`: a number's bits, a code's or
  /// level's 32 bits, or `missingCell`; nothing for text. Read column by column, the cells of a
  /// block of rows are then formatted row by row from the caches, where sixty columns read row by
  /// row are sixty streams they cannot follow.
  func gather(_ rows: Range<Int>, into cells: UnsafeMutablePointer<UInt64>, stride: Int) {
    var cell = cells
    switch kind {
    case .numbers:
      for row in rows {
        cell.pointee = isMissing(row) ? Self.missingCell : numbers[row].bitPattern
        cell += stride
      }
    case .codes:
      for row in rows {
        cell.pointee = isMissing(row) ? Self.missingCell : UInt64(UInt32(bitPattern: codes[row]))
        cell += stride
      }
    case .levels:
      for row in rows {
        cell.pointee = UInt64(UInt32(bitPattern: codes[row]))
        cell += stride
      }
    case .text:
      break
    }
  }

  /// Appends the cell of `row`, gathered as `cell`: the bytes `CSVWriter` writes for it.
  @inline(__always)
  func append(_ cell: UInt64, row: Int, to chunk: inout CSVChunk) {
    switch kind {
    case .numbers:
      guard cell != Self.missingCell else { return chunk.appendEmpty() }
      let value = Double(bitPattern: cell)
      // A whole number is written as `append(number:)` writes it, without the call.
      guard let whole = Int32(exactly: value) else { return chunk.append(number: value) }
      if !encoded.isEmpty, let label = encoded[whole] {
        chunk.append(verbatim: label)
      } else {
        chunk.append(integer: Int64(whole))
      }
    case .codes:
      guard cell != Self.missingCell else { return chunk.appendEmpty() }
      let code = Int32(bitPattern: UInt32(truncatingIfNeeded: cell))
      if !encoded.isEmpty, let label = encoded[code] {
        chunk.append(verbatim: label)
      } else {
        chunk.append(integer: Int64(code))
      }
    case .levels:
      if let level = encoded[Int32(bitPattern: UInt32(truncatingIfNeeded: cell))] {
        chunk.append(verbatim: level)
      } else {
        chunk.appendEmpty()
      }
    case .text:
      if let value = text[row] { chunk.append(text: value) } else { chunk.appendEmpty() }
    }
  }

  @inline(__always)
  private func isMissing(_ row: Int) -> Bool {
    missing[row >> 6] & (1 << UInt64(row & 63)) != 0
  }
}
