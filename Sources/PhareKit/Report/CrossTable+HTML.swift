/// A cross-table in the HTML report: the cells of `tables/<name>.csv` — column percentages or
/// means with one or two decimals, `H` / `B` against Ensemble or the low-base mark `!`, the
/// letters of the columns of the same breakdown a cell is significantly above, `*` suppressed —
/// with each banner column's letter, the unweighted and weighted bases and the CSV's legend. The
/// only place the report reads `CrossTable`'s shape.
extension CrossTable {
  func html() -> String {
    var html = "<table class=\"croise\"><caption>\(HTMLText.escape(title))</caption><thead>"
    if !groups.isEmpty {
      html +=
        "<tr><td></td><td></td>"
        + groups.map { "<th scope=\"colgroup\" colspan=\"\($0.count)\">\(HTMLText.escape($0.label))</th>" }.joined()
        + "</tr>"
    }
    html += "<tr><td></td>"
    for column in columns {
      let letter = column.letter.isEmpty ? "" : " <span class=\"lettre\">(\(HTMLText.escape(column.letter)))</span>"
      html += "<th scope=\"col\">\(HTMLText.escape(column.label))\(letter)</th>"
    }
    html += "</tr></thead><tbody>"
    for row in rows {
      html += "<tr><th scope=\"row\">\(HTMLText.escape(row.label))</th>"
      for cell in row.cells {
        switch cell {
        case .none: html += "<td></td>"
        case .suppressed: html += "<td class=\"supprime\">*</td>"
        case .value(let value, let mark, let letters):
          let shown = row.displayed(value)
          let number = FrenchNumber.decimal(shown.number, shown.decimals)
          let marked = mark.map { "\u{A0}<b>\(HTMLText.escape($0.rawValue))</b>" } ?? ""
          let above =
            letters.isEmpty ? "" : " <span class=\"lettre\">\(HTMLText.escape(Self.joined(letters)))</span>"
          html += "<td>\(number)\(marked)\(above)</td>"
        }
      }
      html += "</tr>"
    }
    html +=
      "<tr class=\"base\"><th scope=\"row\">\(baseLabels.unweighted)</th>"
      + bases.unweighted.map { "<td>\(FrenchNumber.integer($0))</td>" }.joined()
      + "</tr><tr class=\"base\"><th scope=\"row\">\(baseLabels.weighted)</th>"
      + bases.weighted.map { "<td>\(FrenchNumber.integer(Int($0.rounded())))</td>" }.joined()
      + "</tr></tbody></table>"
    return html + legends.map { "<p class=\"note\">\(HTMLText.escape($0))</p>" }.joined()
  }
}
