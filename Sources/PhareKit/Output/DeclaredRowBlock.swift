import CReadStat

/// A block of rows of a wave's declared columns, gathered column by column into row-major memory
/// for ReadStat's writer, which takes a row at a time: read row by row, sixty columns are sixty
/// streams the caches cannot follow.
struct DeclaredRowBlock {
  /// Rows gathered at once: 256 rows of 60 columns are 138 KB.
  static let rows = 256

  private let columns: [DeclaredColumn]
  private let variables: UnsafeMutableBufferPointer<UnsafeMutablePointer<readstat_variable_t>>
  private let numbers: UnsafeMutablePointer<Double>
  private let kinds: UnsafeMutablePointer<UInt8>
  private var first = 0

  init(columns: [DeclaredColumn]) {
    self.columns = columns
    variables = .allocate(capacity: columns.count)
    _ = variables.initialize(from: columns.map(\.variable))
    numbers = .allocate(capacity: Self.rows * max(1, columns.count))
    kinds = .allocate(capacity: Self.rows * max(1, columns.count))
  }

  /// Gathers the cells of `rows` (at most `rows` of them).
  mutating func gather(_ rows: Range<Int>) {
    first = rows.lowerBound
    for (index, column) in columns.enumerated() {
      column.gather(rows, numbers: numbers + index, kinds: kinds + index, stride: columns.count)
    }
  }

  /// Writes the cells of `row`, one of the rows gathered, in column order.
  func insert(_ row: Int, _ writer: ReadStatWriter) throws {
    let offset = (row - first) * columns.count
    for index in 0..<columns.count {
      let kind = kinds[offset + index]
      switch kind {
      case DeclaredColumn.value: try writer.insert(numbers[offset + index], variables[index])
      case DeclaredColumn.blank: try writer.insertMissing(variables[index])
      case DeclaredColumn.text: try columns[index].insertText(row, writer)
      default: try writer.insertTaggedMissing(Character(Unicode.Scalar(kind)), variables[index])
      }
    }
  }

  /// Frees the block's memory.
  func release() {
    variables.deallocate()
    numbers.deallocate()
    kinds.deallocate()
  }
}
