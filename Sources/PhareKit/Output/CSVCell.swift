/// One field of a CSV output. Text is neutralised against formula injection when written;
/// numbers are not, and take the locale's decimal mark.
enum CSVCell: Equatable {
  case empty
  case text(String)
  case integer(Int)
  /// Written so it reads back exactly: whole numbers without decimals, others shortest round trip.
  case number(Double)
  /// A fixed count of decimals, followed by a note (a significance letter) when there is one.
  case fixed(Double, decimals: Int, note: String = "")

  init(_ text: String?) {
    self = text.map(CSVCell.text) ?? .empty
  }

  init(_ number: Double?) {
    self = number.map(CSVCell.number) ?? .empty
  }
}
