/// The encoded CSV field of each code of a column (its label or level), looked up by the code
/// in a table (codes within 4,096 of the smallest) or a dictionary (the others).
struct EncodedCodes {
  private static let tableSpan: Int64 = 4096

  private let lowest: Int32
  private let table: [[UInt8]?]
  private let others: [Int32: [UInt8]]

  /// Whether no code has a field.
  let isEmpty: Bool

  init(_ fields: [(code: Int32, field: [UInt8])]) {
    isEmpty = fields.isEmpty
    lowest = fields.map(\.code).min() ?? 0
    let span = Int(min(Self.tableSpan, Int64(fields.map(\.code).max() ?? lowest) - Int64(lowest) + 1))
    var table = [[UInt8]?](repeating: nil, count: span)
    var others: [Int32: [UInt8]] = [:]
    for (code, field) in fields {
      let offset = Int64(code) - Int64(lowest)
      if offset < Int64(span) { table[Int(offset)] = field } else { others[code] = field }
    }
    self.table = table
    self.others = others
  }

  /// The field of `code`, or nil when it has none.
  @inline(__always)
  subscript(code: Int32) -> [UInt8]? {
    let offset = Int64(code) &- Int64(lowest)
    if offset >= 0 && offset < Int64(table.count) { return table[Int(offset)] }
    return others.isEmpty ? nil : others[code]
  }
}
