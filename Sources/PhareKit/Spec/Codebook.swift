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

  /// The missing codes of each column a coded, scale or numeric variable reads (its sources, or a
  /// multiple-response set's item columns), for Stata's tagged missing values (`StatFileReader`).
  public var missingCodesByColumn: [String: [ValueLabel]] {
    var codes: [String: [ValueLabel]] = [:]
    for variable in variables where ![.identifier, .text, .personal].contains(variable.kind) {
      for column in variable.items.isEmpty ? variable.sources : variable.items.map(\.name) where codes[column] == nil {
        codes[column] = variable.missingCodes
      }
    }
    return codes
  }

  /// The columns of personal variables, which the clean stage drops: `CSVReader` keeps only
  /// whether their cells are filled.
  public var personalColumns: Set<String> {
    Set(variables.filter { $0.kind == .personal }.flatMap(\.sources))
  }
}
