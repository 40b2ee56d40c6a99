/// A wave's rows across the stages that ran: every row read is kept or quarantined with its rule
/// — by ingest, the clean stage or the weight stage (`weight.missing-margin`) — and the
/// quarantine threshold applies to the rows all of them set aside.
public struct RowAccounting: Sendable, Equatable {
  /// Data records read from the export.
  public let read: Int
  /// Rows kept by every stage that ran.
  public let kept: Int
  /// Rows set aside by any stage, each with its rule.
  public let quarantined: [QuarantinedRow]
  /// Source lines of kept rows with a cell set missing (`clean.invalid_cells: set-missing`).
  let linesWithCellsSetMissing: Set<Int>

  init(read: Int, kept: Int, quarantined: [QuarantinedRow], linesWithCellsSetMissing: Set<Int>) {
    self.read = read
    self.kept = kept
    self.quarantined = quarantined
    self.linesWithCellsSetMissing = linesWithCellsSetMissing
  }

  /// The accounting once a later stage sets `rows` of the kept ones aside.
  func settingAside(_ rows: [QuarantinedRow]) -> RowAccounting {
    guard !rows.isEmpty else { return self }
    return RowAccounting(
      read: read, kept: kept - rows.count, quarantined: quarantined + rows,
      linesWithCellsSetMissing: linesWithCellsSetMissing.subtracting(rows.map(\.line)))
  }

  /// rows read = rows kept + rows quarantined.
  public var isBalanced: Bool { read == kept + quarantined.count }
  /// The share of rows quarantined.
  public var quarantinedShare: Double { read == 0 ? 0 : Double(quarantined.count) / Double(read) }
  /// Kept rows with at least one cell set missing.
  public var rowsWithCellsSetMissing: Int { linesWithCellsSetMissing.count }
  /// The share the quarantine threshold is checked against: rows quarantined and kept rows with a
  /// cell set missing, which `quarantine-row` would have quarantined.
  public var setAsideShare: Double {
    read == 0 ? 0 : Double(quarantined.count + rowsWithCellsSetMissing) / Double(read)
  }

  /// How many rows each rule set aside, most first.
  public var ruleCounts: [(rule: String, count: Int)] {
    Dictionary(grouping: quarantined, by: \.rule).map { ($0.key, $0.value.count) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.rule < $1.rule }
  }
}
