/// The in-memory table every stage shares: one typed column per variable, addressed by name.
public struct ColumnarTable: Sendable, Equatable {
  public let schema: Schema
  public let columns: [Column]
  public let rowCount: Int

  public init(schema: Schema, columns: [Column], rowCount: Int) {
    precondition(schema.fields.count == columns.count, "one column per schema field")
    precondition(columns.allSatisfy { $0.count == rowCount }, "every column has rowCount rows")
    self.schema = schema
    self.columns = columns
    self.rowCount = rowCount
  }

  /// The column with this name, if any.
  public subscript(name: String) -> Column? {
    schema.index(of: name).map { columns[$0] }
  }

  /// The bytes held by all columns.
  public var byteSize: Int { columns.reduce(0) { $0 + $1.byteSize } }
}
