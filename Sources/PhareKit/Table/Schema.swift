/// The names and types of a table's columns, with lookup by name.
public struct Schema: Sendable, Equatable {
  public struct Field: Sendable, Equatable, Codable {
    public let name: String
    public let type: ColumnType
  }

  public let fields: [Field]
  private let positions: [String: Int]

  public init(fields: [Field]) {
    self.fields = fields
    self.positions = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The position of the column with this name.
  public func index(of name: String) -> Int? { positions[name] }
}
