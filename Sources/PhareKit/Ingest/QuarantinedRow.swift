/// A row set aside instead of kept, with where it came from and why: nothing is dropped silently.
public struct QuarantinedRow: Codable, Sendable, Equatable {
  /// The file the row was read from.
  public var file: String
  /// The physical line (1-based, header is line 1 unless blank lines precede it) where the row starts.
  public var line: Int
  /// How many physical lines the row spans (more than one when a quoted field holds line breaks).
  public var lineCount: Int
  /// A stable machine name for the rule that rejected the row, e.g. `ingest.field-count`.
  public var rule: String
  /// What is wrong, for people.
  public var message: String
  /// The row's text as it stands in the file (lines joined by their own terminators); only
  /// for rows the parser rejected, and never written by a pipeline (it may hold personal data).
  public var rawText: String?
  /// The wave the row belongs to, once known.
  public var wave: String?
  /// The respondent identifier, when the row got far enough to have one.
  public var respondentID: String?
  /// The value that broke the rule.
  public var value: String?
  /// The variable whose cell was set missing, when the entry is a cell (`clean.invalid_cells:
  /// set-missing`) and its row was kept; nil for a quarantined row.
  public var variable: String?

  public init(
    file: String, line: Int, lineCount: Int, rule: String, message: String, rawText: String? = nil,
    wave: String? = nil, respondentID: String? = nil, value: String? = nil, variable: String? = nil
  ) {
    self.file = file
    self.line = line
    self.lineCount = lineCount
    self.rule = rule
    self.message = message
    self.rawText = rawText
    self.wave = wave
    self.respondentID = respondentID
    self.value = value
    self.variable = variable
  }
}
