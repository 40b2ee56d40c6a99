/// A categorical variable, dictionary-encoded: one small code per row indexing `levels`.
public struct CategoricalColumn: Sendable, Equatable {
  /// The code stored for a missing answer.
  public static let missingCode: Int32 = -1

  /// The distinct answers, sorted.
  public let levels: [String]
  /// One code per row: an index into `levels`, or `missingCode`.
  public let codes: ColumnStorage<Int32>

  public init(levels: [String], codes: ColumnStorage<Int32>) {
    self.levels = levels
    self.codes = codes
  }

  /// The answer of a row, or nil where missing.
  public subscript(row: Int) -> String? {
    let code = codes[row]
    return code == Self.missingCode ? nil : levels[Int(code)]
  }
}
