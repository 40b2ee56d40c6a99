/// One PHARE survey as the generator models it: design cells, truth, export layout and dirty rows;
/// `WaveExport` turns it into one export per wave.
protocol SurveyModel: Sendable {
  /// The pipeline it feeds (`Pipelines/<pipeline>.yml`), which names its published figures.
  var pipeline: String { get }
  /// The export of a wave, relative to the fixtures folder, e.g. `institutions/maires-2016.csv`.
  func exportPath(wave: Int) -> String
  /// The population margins file, relative to the fixtures folder, and its text.
  var population: (path: String, text: String) { get }
  var dialect: ExportDialect { get }
  /// Respondent identifiers: the prefix and the first number.
  var identifiers: (prefix: String, first: Int) { get }
  var cells: [DesignCell] { get }
  /// The export's columns in order, by their codebook source names, and the heading each has in a wave.
  func headings(wave: Int) -> [(column: String, heading: String)]
  /// The answers of a cell's respondents in a wave, by column.
  func respondents(in cell: DesignCell, wave: Int, draw: inout BalancedDraw) -> [[String: String]]
  /// The personal-data columns of one respondent (identifying, dropped by the clean stage).
  func personalData(_ random: inout SplitMix64) -> [String: String]
  /// The name of the survey's consistency rule in its pipeline spec.
  var consistencyRule: String { get }
  /// The columns a dirty row of each kind overrides in a copy of a clean row.
  var defects: [DirtyRowKind: [String: String]] { get }
  /// How many dirty rows of a kind a wave holds.
  func dirtyRows(_ kind: DirtyRowKind, wave: Int) -> Int
}

extension SurveyModel {
  /// Respondents in the design.
  var sampleSize: Int { cells.reduce(0) { $0 + $1.respondents } }

  /// One to three rows of each kind, varying with the kind and the wave.
  func dirtyRows(_ kind: DirtyRowKind, wave: Int) -> Int {
    1 + (DirtyRowKind.allCases.firstIndex(of: kind)! + wave) % 3
  }
}
