/// One problem in a pipeline spec, a codebook or an input, located so an editor can jump to it.
public struct SpecDiagnostic: Equatable, Sendable, CustomStringConvertible {
  public var file: String
  /// The 1-based line, when the problem has one.
  public var line: Int?
  public var message: String

  public init(file: String, line: Int?, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
  }
}

/// Every problem found while checking a pipeline; thrown only after all were collected.
public struct SpecProblems: Error, Equatable, CustomStringConvertible {
  public var diagnostics: [SpecDiagnostic]

  public init(_ diagnostics: [SpecDiagnostic]) {
    self.diagnostics = diagnostics
  }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
