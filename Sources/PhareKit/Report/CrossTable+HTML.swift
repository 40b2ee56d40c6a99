/// A cross-table in the HTML report: the same cells as `tables/<name>.csv` (column percentages
/// or means with one or two decimals, `H` / `B` against Ensemble, `*` suppressed), with a short
/// legend. The only place the report reads `CrossTable`'s shape.
extension CrossTable {
  func html() -> String {
    var html = "<table class=\"croise\"><caption>\(HTMLText.escape(title))</caption><thead>"
    if !groups.isEmpty {
      html +=
        "<tr><td></td><td></td>"
        + groups.map { "<th scope=\"colgroup\" colspan=\"\($0.count)\">\(HTMLText.escape($0.label))</th>" }.joined()
        + "</tr>"
    }
    html +=
      "<tr><td></td>" + columns.map { "<th scope=\"col\">\(HTMLText.escape($0.label))</th>" }.joined()
      + "</tr></thead><tbody>"
    for row in rows {
      html += "<tr><th scope=\"row\">\(HTMLText.escape(row.label))</th>"
      for cell in row.cells {
        switch cell {
        case .none: html += "<td></td>"
        case .suppressed: html += "<td class=\"supprime\">*</td>"
        case .value(let value, let letter):
          let number = row.isMean ? FrenchNumber.decimal(value, 2) : FrenchNumber.decimal(value, 1)
          html += "<td>\(number)" + (letter.isEmpty ? "" : "\u{A0}<b>\(HTMLText.escape(letter))</b>") + "</td>"
        }
      }
      html += "</tr>"
    }
    html +=
      "<tr class=\"base\"><th scope=\"row\">Base (effectifs non pondérés)</th>"
      + bases.map { "<td>\(FrenchNumber.integer($0))</td>" }.joined() + "</tr></tbody></table>"
    let risk = FrenchNumber.plain((1 - level) * 100)
    return html
      + "<p class=\"note\">\(rows.allSatisfy(\.isMean) ? "Moyennes pondérées" : "Pourcentages pondérés en colonne")"
      + ". H / B : significativement supérieur / inférieur à l'ensemble au seuil de \(risk)\u{A0}%."
      + (suppressBelow > 0 ? " * : moins de \(suppressBelow) répondants, non publié." : "") + "</p>"
  }
}
