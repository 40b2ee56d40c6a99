/// A coded answer (single choice, 0/1 item, derived category): the codebook's integer code per
/// row in four bytes, with a missing mask. Labels live in the codebook, not in the column.
public struct CodedColumn: Sendable, Equatable {
  public let codes: ColumnStorage<Int32>
  public let missing: MissingMask

  public init(codes: ColumnStorage<Int32>, missing: MissingMask) {
    precondition(codes.count == missing.count, "codes and missing mask differ in length")
    self.codes = codes
    self.missing = missing
  }

  /// A column from optional codes, nil where missing.
  public init(_ codes: [Int32?]) {
    self.init(
      codes: ColumnStorage(codes.lazy.map { $0 ?? 0 }), missing: MissingMask(count: codes.count) { codes[$0] == nil })
  }

  /// The code of a row, or nil where missing.
  public subscript(row: Int) -> Int? {
    missing[row] ? nil : Int(codes[row])
  }

  /// Equal when the same rows are missing and the other rows hold the same codes.
  public static func == (lhs: CodedColumn, rhs: CodedColumn) -> Bool {
    lhs.missing == rhs.missing && lhs.codes.indices.allSatisfy { lhs.missing[$0] || lhs.codes[$0] == rhs.codes[$0] }
  }
}
