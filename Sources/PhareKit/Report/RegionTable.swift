/// The data table of a map or bar chart: Ensemble and each region with its estimate, confidence
/// interval, unweighted base and remark (low base, not published, no respondent).
struct RegionTable {
  var indicator: RegionalIndicator
  /// The confidence level, 0–1.
  var level: Double

  /// The `<table>`, captioned with the indicator's title.
  func html() -> String {
    let confidence = FrenchNumber.plain(level * 100)
    var html =
      "<table class=\"donnees\"><caption>\(HTMLText.escape(indicator.title))</caption><thead><tr>"
      + "<th scope=\"col\">Région</th><th scope=\"col\">Estimation</th>"
      + "<th scope=\"col\">IC à \(confidence)\u{A0}% : borne basse</th><th scope=\"col\">borne haute</th>"
      + "<th scope=\"col\">Base (n)</th><th scope=\"col\">Remarque</th></tr></thead><tbody>"
    for region in [indicator.national].compactMap({ $0 }) + indicator.regions {
      html += "<tr><th scope=\"row\">\(HTMLText.escape(region.breakdownLabel))</th>"
      if region.isEmpty || region.isSuppressed {
        html += "<td></td><td></td><td></td>"
      } else {
        html += [region.estimate, region.lower, region.upper].map {
          "<td>\(HTMLText.escape(FrenchNumber.estimate($0, region.statistic)))</td>"
        }.joined()
      }
      let remark =
        region.isEmpty
        ? "aucun répondant"
        : region.isSuppressed ? "non publié" : region.flags.contains("low-base") ? "base faible" : ""
      html += "<td>\(FrenchNumber.integer(region.respondents))</td><td>\(remark)</td></tr>"
    }
    return html + "</tbody></table>"
  }
}
