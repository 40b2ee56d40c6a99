/// How one candidate separator splits the start of an export: the header's field count and
/// how many of the records sampled after it have that many fields.
public struct SeparatorEvidence: Sendable, Equatable {
  public var separator: Separator
  /// Fields in the header line when split on `separator`, quotes honoured.
  public var headerFields: Int
  /// Records sampled after the header.
  public var rows: Int
  /// Sampled records with as many fields as the header.
  public var matchingRows: Int
  /// Whether every quote of the sample opens or closes a field as split on `separator`: a quote
  /// in the middle of a field (`id;"Q1. Selon vous` split on commas) says the split is wrong.
  public var quotesAtFieldEdges: Bool

  public init(separator: Separator, headerFields: Int, rows: Int, matchingRows: Int, quotesAtFieldEdges: Bool = true) {
    self.separator = separator
    self.headerFields = headerFields
    self.rows = rows
    self.matchingRows = matchingRows
    self.quotesAtFieldEdges = quotesAtFieldEdges
  }

  /// Whether `self` fits its sample exactly as well as `other` (same share of matching rows).
  func agreesAsWell(as other: SeparatorEvidence) -> Bool {
    matchingRows * max(other.rows, 1) == other.matchingRows * max(rows, 1)
  }

  /// Whether `self` fits its sample better than `other` (a larger share of matching rows).
  func agreesBetter(than other: SeparatorEvidence) -> Bool {
    matchingRows * max(other.rows, 1) > other.matchingRows * max(rows, 1)
  }

  /// `comma: 3 fields in the header and in 4 of the 4 rows after it`.
  var summary: String {
    "\(separator.name): \(headerFields) fields in the header and in \(matchingRows) of the \(rows) rows after it"
  }
}
