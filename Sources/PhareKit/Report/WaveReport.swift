/// `report.html`: one wave's results as a self-contained French page — headline indicators with
/// their confidence intervals, the regional map (`RegionMap`) of the spec's `report.map`
/// indicator (else the first headline), per-region bar charts (`RegionBarChart`), the weighting
/// report (`WeightingTable`) and the cross-tables (`CrossTable+HTML`). Every chart is inline SVG
/// with its data table; no script, and a Content-Security-Policy that forbids any request. No
/// date: two runs on the same inputs write the same bytes.
struct WaveReport {
  var title: String
  var wave: String
  var headlines: [RegionalIndicator]
  var map: RegionalIndicator?
  /// What the map shows: the spec's `report.map`, else its first headline.
  var mapIndicator: Headline?
  var weighting: WeightingTable?
  var tables: [CrossTable]
  var estimation: EstimationSpec?

  /// The report of a wave that went through estimation, with its cross-tables and its weighting
  /// report (nil for an unweighted wave).
  init(
    _ result: WaveResult, pipeline: Pipeline, indicators: [Indicator], tables: [CrossTable],
    weighting: WeightingTable?
  ) {
    let spec = pipeline.spec
    title = spec.title
    wave = result.cleaned?.wave ?? result.file.wave
    headlines = spec.headlines.compactMap { RegionalIndicator($0, in: indicators) }
    mapIndicator = spec.report.map ?? spec.headlines.first
    map = mapIndicator.flatMap { RegionalIndicator($0, in: indicators) }
    self.weighting = weighting
    self.tables = tables
    estimation = spec.estimate
  }

  private var level: Double { estimation?.level ?? EstimationSpec.defaultLevel }

  func html() -> String {
    let heading = "\(title) — vague \(wave)"
    var sections: [(id: String, title: String, body: String)] = []
    if !headlines.isEmpty { sections.append(("indicateurs", "Indicateurs principaux", headlineSection)) }
    if let map, !map.regions.isEmpty {
      sections.append(("carte", "Carte des régions", mapSection(map)))
    } else if let wanted = mapIndicator {
      // A map the spec asks for is never dropped without a word (a question the wave does not ask).
      sections.append(
        (
          "carte", "Carte des régions",
          "<p class=\"note\">Carte non dessinée : « \(HTMLText.escape(wanted.variable)) » n'a pas d'estimation "
            + "par région dans cette vague (question non posée, ou pas de ventilation par région).</p>"
        ))
    }
    var charts = headlines.filter { !$0.regions.isEmpty }
    if let map, !map.regions.isEmpty, !charts.contains(where: { $0.title == map.title }) { charts.insert(map, at: 0) }
    if !charts.isEmpty { sections.append(("regions", "Résultats par région", chartSection(charts))) }
    if let weighting { sections.append(("redressement", "Redressement", weighting.html())) }
    if !tables.isEmpty {
      sections.append(
        ("tableaux", "Tableaux croisés", tables.map { "<div class=\"defile\">\($0.html())</div>" }.joined()))
    }
    return """
      <!DOCTYPE html>
      <html lang="fr">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <title>\(HTMLText.escape(heading))</title>
      <style>\(ReportStyle.css)</style>
      </head>
      <body>
      <header><h1>\(HTMLText.escape(heading))</h1>
      <p class="meta">Rapport produit par phare \(HTMLText.escape(PhareVersion.current)) (la date est dans manifest.json). \
      Estimations pondérées ; intervalles de confiance à \(FrenchNumber.plain(level * 100))\u{A0}%.</p></header>
      <nav aria-label="Sommaire"><ul>\(sections.map { "<li><a href=\"#\($0.id)\">\($0.title)</a></li>" }.joined())</ul></nav>
      <main>
      \(sections.map { "<section id=\"\($0.id)\"><h2>\($0.title)</h2>\n\($0.body)</section>" }.joined(separator: "\n"))
      </main>
      </body>
      </html>

      """
  }

  private var headlineSection: String {
    let confidence = FrenchNumber.plain(level * 100)
    var html =
      "<table class=\"titres\"><caption>Résultats nationaux</caption><thead><tr><th scope=\"col\">Indicateur</th>"
      + "<th scope=\"col\">Estimation</th><th scope=\"col\">IC à \(confidence)\u{A0}%</th>"
      + "<th scope=\"col\">Base (n)</th></tr></thead><tbody>"
    for headline in headlines {
      html += "<tr><th scope=\"row\">\(HTMLText.escape(headline.title))</th>"
      guard let national = headline.national, !national.isEmpty else {
        html += "<td colspan=\"3\">pas d'estimation nationale</td></tr>"
        continue
      }
      html +=
        national.isSuppressed
        ? "<td colspan=\"2\">non publié</td>"
        : "<td>\(FrenchNumber.estimate(national.estimate, national.statistic))</td>"
          + "<td>\(FrenchNumber.interval(national.lower, national.upper, national.statistic))</td>"
      html += "<td>\(FrenchNumber.integer(national.respondents))</td></tr>"
    }
    return html + "</tbody></table>"
  }

  private func mapSection(_ map: RegionalIndicator) -> String {
    let flagBelow = estimation?.flagBelow ?? EstimationSpec.defaultFlagBelow
    let suppressBelow = estimation?.suppressBelow ?? EstimationSpec.defaultSuppressBelow
    let drawn = RegionMap(indicator: map, level: level, flagBelow: flagBelow, suppressBelow: suppressBelow)
    let data =
      "<details><summary>Données de la carte</summary>\(RegionTable(indicator: map, level: level).html())</details>"
    let contradicted = RegionTile.contradicted(by: map.regions)
    guard contradicted.isEmpty else {
      // Never a region's figures under another's name: no map unless the codes are INSEE's.
      return "<p><strong>\(HTMLText.escape(map.title))</strong>.</p><p class=\"note\">Carte non dessinée : les "
        + "codes de la variable region ne sont pas les codes INSEE des régions ("
        + contradicted.map { "code \(HTMLText.escape($0.breakdownValue)) « \(HTMLText.escape($0.breakdownLabel)) »" }
        .joined(separator: ", ") + ").</p>" + data
    }
    let unmapped = map.regions.filter { region in !RegionTile.metropolitan.contains { $0.code == region.breakdownValue }
    }
    return "<p><strong>\(HTMLText.escape(map.title))</strong>. Carte en tuiles : chaque région métropolitaine est "
      + "une case de même taille, placée approximativement selon la géographie ; la couleur suit l'estimation, "
      + "chaque case donne l'estimation, son intervalle de confiance et la base (répondants non pondérés).</p>"
      + drawn.svg(id: "carte-svg")
      + (unmapped.isEmpty
        ? ""
        : "<p class=\"note\">Hors carte : "
          + unmapped.map { HTMLText.escape($0.breakdownLabel) }.joined(separator: ", ") + ".</p>")
      + data
  }

  private func chartSection(_ charts: [RegionalIndicator]) -> String {
    charts.enumerated().map { index, chart in
      "<h3>\(HTMLText.escape(chart.title))</h3><p class=\"note\">Barre : estimation ; trait : intervalle de "
        + "confiance ; ligne pointillée rouge : ensemble ; barres hachurées : base faible.</p>"
        + RegionBarChart(indicator: chart).svg(id: "barres-\(index + 1)")
        + "<details><summary>Données du graphique</summary>\(RegionTable(indicator: chart, level: level).html())"
        + "</details>"
    }.joined()
  }
}
