/// A cross-table as a sheet of `tables.xlsx`: the same rows as `tables/<name>.csv`, each number a
/// number (proportions 0–1 with a percent format, means, bases), its H / B or low-base mark and
/// its letters in cells of their own — Ensemble spans a value and a mark column, each banner
/// column a value, a mark and a letters column — the title, breakdowns and column labels merged
/// over their cells, the header frozen, then the legend.
extension CrossTable {
  /// The sheet's columns of table column `index` (0 is Ensemble).
  static func sheetColumns(of index: Int) -> ClosedRange<Int> {
    index == 0 ? 1...2 : 3 * index...3 * index + 2
  }

  func write(into sheet: XLSXWorkbook.Sheet, formats: TableFormats) throws {
    var row = 0
    try sheet.text(title, row, 0, formats.title)
    row += 1
    if !groups.isEmpty {
      var first = 1
      for group in groups {
        let columns =
          Self.sheetColumns(of: first).lowerBound...Self.sheetColumns(of: first + group.count - 1).upperBound
        try sheet.merged(group.label, row, columns, formats.header)
        first += group.count
      }
      row += 1
    }
    for (index, column) in columns.enumerated() {
      try sheet.merged(column.label, row, Self.sheetColumns(of: index), formats.header)
      if index > 0 { try sheet.merged("(\(column.letter))", row + 1, Self.sheetColumns(of: index), formats.header) }
    }
    row += 2
    sheet.freeze(row, 1)
    for tableRow in rows {
      try sheet.text(tableRow.label, row, 0, formats.label)
      for (index, cell) in tableRow.cells.enumerated() {
        let at = Self.sheetColumns(of: index).lowerBound
        switch cell {
        case .none:
          break
        case .suppressed:
          try sheet.text("*", row, at + 1, formats.mark)
        case .value(let value, let mark, let letters):
          try sheet.number(value, row, at, tableRow.isMean ? formats.mean : formats.percent)
          if let mark { try sheet.text(mark.rawValue, row, at + 1, formats.mark) }
          if !letters.isEmpty { try sheet.text(Self.joined(letters), row, at + 2, formats.mark) }
        }
      }
      row += 1
    }
    let (unweighted, weighted) = bases
    for (label, values) in [(baseLabels.unweighted, unweighted.map(Double.init)), (baseLabels.weighted, weighted)] {
      try sheet.text(label, row, 0, formats.label)
      for (index, value) in values.enumerated() {
        try sheet.number(value, row, Self.sheetColumns(of: index).lowerBound, formats.count)
      }
      row += 1
    }
    row += 1
    for legend in legends {
      try sheet.text(legend, row, 0, formats.note)
      row += 1
    }
    try sheet.width(48, 0...0)
    for index in columns.indices {
      let columns = Self.sheetColumns(of: index)
      try sheet.width(9, columns.lowerBound...columns.lowerBound)
      try sheet.width(3, (columns.lowerBound + 1)...(columns.lowerBound + 1))
      if index > 0 { try sheet.width(6, columns.upperBound...columns.upperBound) }
    }
  }
}
