/// `tables/<name>.csv`: the title, the breakdowns over their levels, the column labels each followed
/// by its letter, one row per answer, item or net (the value with its H / B or low-base mark, then
/// the letters of the columns it is significantly above), the unweighted and weighted bases, then
/// the legend. Every row has as many fields as the table has columns.
extension CrossTable {
  func csv(locale: CSVLocale) -> String {
    var writer = CSVWriter(locale: locale)
    // The label, Ensemble, then a value and a letters field per banner column.
    let width = 2 * columns.count
    func line(_ cells: [CSVCell]) {
      writer.row(cells + Array(repeating: .empty, count: width - cells.count))
    }
    line([.text(title)])
    if !groups.isEmpty {
      line(
        [.empty, .empty]
          + groups.flatMap { [.text($0.label)] + Array(repeating: CSVCell.empty, count: 2 * $0.count - 1) })
    }
    line(
      [.empty, .text(columns[0].label)] + columns.dropFirst().flatMap { [.text($0.label), .text("(\($0.letter))")] })
    for row in rows {
      let cells = row.cells.map { cell -> (CSVCell, CSVCell) in
        switch cell {
        case .none: return (.empty, .empty)
        case .suppressed: return (.text("*"), .empty)
        case .value(let value, let mark, let letters):
          let shown = row.displayed(value)
          return (
            .fixed(shown.number, decimals: shown.decimals, note: mark?.rawValue ?? ""),
            letters.isEmpty ? .empty : .text(Self.joined(letters))
          )
        }
      }
      line([.text(row.label), cells[0].0] + cells.dropFirst().flatMap { [$0.0, $0.1] })
    }
    let (unweighted, weighted) = bases
    line([.text(baseLabels.unweighted)] + Self.spread(unweighted.map(CSVCell.integer)))
    line([.text(baseLabels.weighted)] + Self.spread(weighted.map { .fixed($0, decimals: 0) }))
    for legend in legends { line([.text(legend)]) }
    return writer.text
  }

  /// Letters as one field: `AC`, or `A AB` once a letter has two characters.
  static func joined(_ letters: [String]) -> String {
    letters.joined(separator: letters.contains { $0.count > 1 } ? " " : "")
  }

  /// Ensemble's cell, then each banner column's with its letters field empty.
  private static func spread(_ cells: [CSVCell]) -> [CSVCell] {
    [cells[0]] + cells.dropFirst().flatMap { [$0, .empty] }
  }

  /// What the cells are, the tests and their level, the markers, and what a blank cell means when
  /// there is one, in French.
  var legends: [String] {
    let kinds = Set(rows.map(\.isMean))
    let cells =
      kinds == [true]
      ? "Moyennes pondérées."
      : kinds == [false]
        ? "Pourcentages pondérés en colonne." : "Pourcentages pondérés en colonne et moyennes pondérées."
    let risk = Format.number((1 - level) * 100).replacingOccurrences(of: ".", with: ",")
    let confidence = Format.number(level * 100).replacingOccurrences(of: ".", with: ",")
    let blank = rows.contains { row in row.cells.contains { $0 == .none } }
    let adjusted: String
    switch correction {
    case .none: adjusted = ""
    case .holm: adjusted = " ; p-values ajustées par la méthode de Holm pour chaque ligne et chaque critère"
    case .bonferroni: adjusted = " ; p-values ajustées par la méthode de Bonferroni pour chaque ligne et chaque critère"
    }
    var legends = [
      cells,
      "H / B : significativement supérieur / inférieur à l'ensemble au seuil de \(risk) % (test z de la différence "
        + "avec l'ensemble, erreur type linéarisée tenant compte du plan de sondage et du redressement ; niveau de confiance \(confidence) %).",
    ]
    if groups.contains(where: { $0.count > 1 }) {
      legends.append(
        "A, B… : significativement supérieur à la colonne de cette lettre du même critère au seuil de \(risk) % "
          + "(test z de la différence entre les deux colonnes, erreur type linéarisée tenant compte du plan de sondage et du redressement "
          + "et de la covariance des deux colonnes\(adjusted)).")
    }
    if flagBelow > suppressBelow {
      legends.append("! : moins de \(flagBelow) répondants, à interpréter avec prudence ; non testé.")
    }
    if suppressBelow > 0 { legends.append("* : moins de \(suppressBelow) répondants, résultat non publié.") }
    if blank { legends.append("Case vide : aucun répondant à la question dans la colonne.") }
    return legends
  }
}
