/// What the numbers of one column say about `.` and `,`: decimal marks or thousands separators.
///
/// It settles an ambiguous value: in a column that also holds `90,5` or `126,81818181818181`,
/// `143,375` is 143.375; in one that holds `1.234.567` or `1.200,50`, `1.234` is 1234. A column
/// has one decimal mark, so once the file's own decimal mark (`,` in a `;` file) is the column's,
/// the other groups thousands: beside `1 234,5`, `4.102` is 4102. Not the reverse: one `2.5` in a
/// French file does not make its `2,500` 2500 (French exports never group with commas); and a
/// mark that groups says nothing of the other (whole numbers have no decimal mark). A column whose
/// values use a mark both ways settles nothing.
struct MarkEvidence: Equatable {
  private var decimal: Set<UInt8> = []
  private var group: Set<UInt8> = []

  /// Adds the marks of a value that read as one number without ambiguity: a single mark is its
  /// decimal mark, a repeated one groups thousands, and of two kinds the last is decimal.
  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    var dots = 0
    var commas = 0
    var last: UInt8 = 0
    for byte in bytes where byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
      if byte == UInt8(ascii: ".") { dots += 1 } else { commas += 1 }
      last = byte
    }
    if dots > 0 && commas > 0 {
      decimal.insert(last)
      group.insert(last == UInt8(ascii: ".") ? UInt8(ascii: ",") : UInt8(ascii: "."))
    } else if dots + commas == 1 {
      decimal.insert(last)
    } else if dots + commas > 1 {
      group.insert(last)
    }
  }

  /// Whether the column writes `mark` as its decimal mark (true), as a thousands separator
  /// (false, also when the other mark is the decimal mark of both the file, `,` when
  /// `decimalComma`, and the column), or nil when nothing says or the column writes both marks
  /// as decimal marks.
  func isDecimal(_ mark: UInt8, decimalComma: Bool) -> Bool? {
    let other = mark == UInt8(ascii: ".") ? UInt8(ascii: ",") : UInt8(ascii: ".")
    let own = settled(mark)
    let others = settled(other)
    // Both marks written as decimal marks (`1,5` and `2.5`): the column settles nothing.
    if own == true && others == true { return nil }
    let otherIsTheFilesMark = other == (decimalComma ? UInt8(ascii: ",") : UInt8(ascii: "."))
    return own ?? (others == true && otherIsTheFilesMark ? false : nil)
  }

  /// What the column's own uses of `mark` say: decimal (true), grouping (false), or nil.
  private func settled(_ mark: UInt8) -> Bool? {
    let asDecimal = decimal.contains(mark)
    return asDecimal == group.contains(mark) ? nil : asDecimal
  }
}
