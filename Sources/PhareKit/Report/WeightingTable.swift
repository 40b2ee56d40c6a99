/// The weighting report in the HTML report: a summary of the diagnostics (method, iterations,
/// Kish's design effect of weighting, effective n, weight range, trimming), then
/// `weighting.csv`'s rows as a table, shares as percentages.
struct WeightingTable {
  var diagnostics: WeightingDiagnostics
  var rows: [WeightingReportRow]

  /// The sample design in a sentence: strata and units of each stage, fpc, lonely PSUs.
  static func plan(_ design: DesignSummary) -> String {
    let stages = design.stages.enumerated().map { number, stage in
      "degré \(number + 1) : \(FrenchNumber.integer(stage.units)) unités dans \(FrenchNumber.integer(stage.strata)) "
        + "strate(s)\(stage.finitePopulationCorrection ? ", correction de population finie" : "")"
    }
    let lonely =
      design.lonelyStrata.isEmpty
      ? ""
      : " ; strates à une seule UP (option \(design.lonelyPSU.rawValue)) : "
        + HTMLText.escape(design.lonelyStrata.joined(separator: ", "))
    return "Plan de sondage — \(stages.joined(separator: " ; "))\(lonely)."
  }

  func html() -> String {
    // Design weights not calibrated: no method, iterations or population to report.
    let calibrated = diagnostics.method != "design"
    let method =
      calibrated
      ? "Méthode : \(HTMLText.escape(diagnostics.method)), \(diagnostics.iterations) itération(s)."
      : "Poids de sondage du plan, sans redressement."
    let summary =
      [
        method,
        "Effet de plan de la pondération (Kish, 1 + CV²) : \(FrenchNumber.decimal(diagnostics.kishDesignEffect, 3)) ; "
          + "n effectif : \(FrenchNumber.decimal(diagnostics.effectiveSampleSize, 1)) sur "
          + "\(FrenchNumber.integer(diagnostics.respondents)) répondants (efficacité "
          + "\(FrenchNumber.percent(diagnostics.efficiency))).",
        "Poids de \(FrenchNumber.plain(diagnostics.minimumWeight)) à \(FrenchNumber.plain(diagnostics.maximumWeight)) "
          + "(rapport max / min \(FrenchNumber.decimal(diagnostics.maxMinRatio, 2))), total "
          + "\(FrenchNumber.integer(Int(diagnostics.sumOfWeights.rounded())))"
          + (calibrated
            ? " pour une population de \(FrenchNumber.integer(Int(diagnostics.populationTotal.rounded()))))." : "."),
      ] + (diagnostics.design.map { [Self.plan($0)] } ?? [])
    let trimming = diagnostics.trimming.map {
      [
        "Écrêtage à [\(FrenchNumber.plain($0.lower)) ; \(FrenchNumber.plain($0.upper))] × le poids moyen : "
          + "\($0.atLower + $0.atUpper) poids écrêté(s)."
      ]
    }
    let notes =
      diagnostics.collapsed.map { "Regroupement : \(HTMLText.escape($0))." }
      + (diagnostics.imputed > 0
        ? [
          "\(diagnostics.imputed) répondant(s) placé(s) dans la modalité la plus fréquente d'une marge non renseignée."
        ]
        : [])
    var html = (summary + (trimming ?? []) + notes).map { "<p>\($0)</p>" }.joined()
    let headers =
      [
        "Marge", "Modalité", "Répondants", "Part de l'échantillon", "Part pondérée", "Part cible", "g min", "g moyen",
        "g max", "Effet de plan (Kish)", "n effectif", "Efficacité",
      ] + (diagnostics.trimming == nil ? [] : ["Poids écrêtés"])
    html +=
      "<div class=\"defile\"><table class=\"redressement\"><caption>Rapport de redressement (weighting.csv)</caption><thead><tr>"
      + headers.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
    for row in rows {
      let category = row.margin == "(all)" ? "Ensemble" : row.label ?? row.category
      let cells =
        [
          FrenchNumber.integer(row.respondents), FrenchNumber.percent(row.sampleShare),
          FrenchNumber.percent(row.weightedShare), FrenchNumber.percent(row.targetShare),
          FrenchNumber.decimal(row.spread.smallestAdjustment, 3), FrenchNumber.decimal(row.spread.meanAdjustment, 3),
          FrenchNumber.decimal(row.spread.largestAdjustment, 3), FrenchNumber.decimal(row.spread.kishDesignEffect, 3),
          FrenchNumber.decimal(row.spread.effectiveSampleSize, 1), FrenchNumber.percent(row.spread.efficiency),
        ] + (row.trimmed.map { [FrenchNumber.integer($0)] } ?? [])
      html +=
        "<tr><th scope=\"row\">\(HTMLText.escape(row.margin == "(all)" ? "Ensemble" : row.margin))</th>"
        + "<th scope=\"row\">\(HTMLText.escape(category))</th>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
    }
    return html + "</tbody></table></div>"
  }
}
