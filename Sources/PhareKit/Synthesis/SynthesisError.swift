/// Why the generator cannot build the fixtures: the published figures file lacks a figure the
/// model needs, or gives one the model also sets.
public enum SynthesisError: Error, CustomStringConvertible, Equatable {
  case missingFigure(String)
  case modelConflict(String)

  public var description: String {
    switch self {
    case .missingFigure(let figure): return "the published figures have no row for \(figure)"
    case .modelConflict(let problem): return problem
    }
  }
}
