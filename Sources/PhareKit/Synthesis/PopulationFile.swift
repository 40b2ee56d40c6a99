/// A population margins file as `PopulationMargins` reads it (`variable,category,total`), built
/// margin by margin; every margin of a file adds up to the same total, as weighting requires.
struct PopulationFile {
  private(set) var lines = ["variable,category,total"]

  /// Adds one margin: a variable (or a crossing `a*b`) and its categories' whole totals.
  mutating func add(_ variable: String, _ cells: [(category: String, total: Int)]) {
    lines += cells.map { "\(variable),\($0.category),\($0.total)" }
  }

  var text: String { lines.joined(separator: "\n") + "\n" }
}
