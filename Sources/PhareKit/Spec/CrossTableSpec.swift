/// A published cross-table, as declared under `estimate.tables`: the answers of one variable
/// (and of derived nets) in rows, Ensemble then the levels of some breakdowns in columns.
public struct CrossTableSpec: Equatable, Sendable {
  /// Names the file `tables/<name>.csv`.
  public var name: String
  /// The table's heading; the variable's label when the spec gives none.
  public var title: String?
  public var variable: String
  /// Derived nets whose « 1 » share adds a row under the answers.
  public var nets: [String]
  /// Breakdowns of the spec, as written there (`region`, `region*urbain`), in column order.
  public var columns: [String]
  /// Where the table is declared, for diagnostics.
  public var line: Int?
}
