/// What the clean stage does with a cell that breaks a codebook rule (unknown code, out of range, not a number).
public enum InvalidCells: String, Sendable, CaseIterable {
  /// The whole row is quarantined (the default).
  case quarantineRow = "quarantine-row"
  /// The cell becomes missing and the row is kept; the cell is listed in the quarantine file.
  case setMissing = "set-missing"
}
