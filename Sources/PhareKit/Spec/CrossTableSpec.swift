/// A published cross-table, as declared under `estimate.tables`: the answers of one variable
/// (and of derived nets) in rows, Ensemble then the levels of some breakdowns in columns.
public struct CrossTableSpec: Equatable, Sendable {
  /// Names the file `tables/<name>.csv` and its sheet of `tables.xlsx`.
  public var name: String
  /// The table's heading; the variable's label when the spec gives none.
  public var title: String?
  /// The variables in rows: one (its answers, or a multiple-response set's items), or several
  /// for a grid (a battery: each variable's mean, or its answers' shares).
  public var variables: [String]
  /// Derived nets whose « 1 » share adds a row under the answers.
  public var nets: [String]
  /// Breakdowns of the spec, as written there (`region`, `region*urbain`), in column order.
  public var columns: [String]
  /// Where the table is declared, for diagnostics.
  public var line: Int?
}
