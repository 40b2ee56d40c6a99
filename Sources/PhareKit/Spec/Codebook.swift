/// The variables of a survey, in file order, with lookup by name.
public struct Codebook: Equatable, Sendable {
  public let file: String
  public let variables: [CodebookVariable]

  public init(file: String, variables: [CodebookVariable]) {
    self.file = file
    self.variables = variables
  }

  public subscript(name: String) -> CodebookVariable? {
    variables.first { $0.name == name }
  }

  /// The respondent identifier, if the codebook declares one.
  public var identifier: CodebookVariable? {
    variables.first { $0.kind == .identifier }
  }

  /// The export columns read as written text, never as numbers: the identifier's and text answers' sources.
  public var textColumns: Set<String> {
    Set(variables.filter { $0.kind == .identifier || $0.kind == .text }.flatMap(\.sources))
  }

  /// The columns of personal variables, which the clean stage drops: `CSVReader` keeps only
  /// whether their cells are filled.
  public var personalColumns: Set<String> {
    Set(variables.filter { $0.kind == .personal }.flatMap(\.sources))
  }
}
