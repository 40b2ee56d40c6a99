/// `tables/<name>.csv`: the title, the breakdowns over their levels, one row per answer or net,
/// the unweighted bases, then the legend: what the cells are, the significance test and its
/// level, the suppression marker, and what a blank cell means when there is one. Every row has as
/// many fields as the table has columns.
extension CrossTable {
  func csv(locale: CSVLocale) -> String {
    var writer = CSVWriter(locale: locale)
    let width = columns.count + 1
    func line(_ cells: [CSVCell]) {
      writer.row(cells + Array(repeating: .empty, count: width - cells.count))
    }
    line([.text(title)])
    if !groups.isEmpty {
      line(
        [.empty, .empty] + groups.flatMap { [.text($0.label)] + Array(repeating: CSVCell.empty, count: $0.count - 1) })
    }
    line([.empty] + columns.map { .text($0.label) })
    for row in rows {
      line(
        [.text(row.label)]
          + row.cells.map { cell in
            switch cell {
            case .none: return .empty
            case .suppressed: return .text("*")
            case .value(let value, let letter): return .fixed(value, decimals: row.isMean ? 2 : 1, note: letter)
            }
          })
    }
    line([.text("Base (effectifs non pondérés)")] + bases.map(CSVCell.integer))
    for legend in legends { line([.text(legend)]) }
    return writer.text
  }

  private var legends: [String] {
    let kinds = Set(rows.map(\.isMean))
    let cells =
      kinds == [true]
      ? "Moyennes pondérées."
      : kinds == [false]
        ? "Pourcentages pondérés en colonne." : "Pourcentages pondérés en colonne et moyennes pondérées."
    let risk = Format.number((1 - level) * 100).replacingOccurrences(of: ".", with: ",")
    let confidence = Format.number(level * 100).replacingOccurrences(of: ".", with: ",")
    let blank = rows.contains { row in row.cells.contains { if case .none = $0 { true } else { false } } }
    return [
      cells,
      "H / B : significativement supérieur / inférieur à l'ensemble au seuil de \(risk) % (test z de la différence "
        + "avec l'ensemble, erreur type linéarisée tenant compte du redressement ; niveau de confiance \(confidence) %).",
    ] + (suppressBelow > 0 ? ["* : moins de \(suppressBelow) répondants, résultat non publié."] : [])
      + (blank ? ["Case vide : aucun répondant à la question dans la colonne."] : [])
  }
}
