/// A horizontal bar chart of one indicator by region: Ensemble first, then the regions from
/// highest to lowest estimate, each bar with its confidence interval as a whisker, the national
/// estimate as a dashed line; low-base bars hatched, suppressed regions marked « non publié ».
/// Inline SVG, no script; its data table is `RegionTable`.
struct RegionBarChart {
  static let labelWidth = 200.0
  static let plotWidth = 420.0
  static let rowHeight = 24.0

  var indicator: RegionalIndicator

  /// The chart as an `<svg>` whose ids start with `id`.
  func svg(id: String) -> String {
    let rows = [indicator.national].compactMap { $0 } + ordered
    let top = 24.0
    let height = top + Double(rows.count) * Self.rowHeight + 8
    let axis = self.axis
    func x(_ value: Double) -> Double { Self.labelWidth + min(max(value / axis.upper, 0), 1) * Self.plotWidth }
    let label = "Graphique : \(indicator.title), par région, avec les intervalles de confiance"
    var svg =
      "<svg id=\"\(id)\" class=\"barres\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" "
      + "viewBox=\"0 0 \(SVGNumber.format(Self.labelWidth + Self.plotWidth + 110)) \(SVGNumber.format(height))\" "
      + "xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTMLText.escape(label))</title>"
      + "<defs>\(HatchPattern.definition(id: id + "-hachures"))</defs>"
    for step in 0...axis.steps {
      let value = axis.upper * Double(step) / Double(axis.steps)
      let position = SVGNumber.format(x(value))
      svg +=
        "<line x1=\"\(position)\" x2=\"\(position)\" y1=\"\(SVGNumber.format(top - 4))\" "
        + "y2=\"\(SVGNumber.format(height - 8))\" stroke=\"#dddddd\"/><text x=\"\(position)\" y=\"14\" "
        + "font-size=\"11\" text-anchor=\"middle\">\(HTMLText.escape(tickLabel(value)))</text>"
    }
    for (index, region) in rows.enumerated() {
      let y = top + Double(index) * Self.rowHeight
      let isNational = region.breakdown == "national"
      let middle = SVGNumber.format(y + Self.rowHeight / 2)
      svg +=
        "<text x=\"\(SVGNumber.format(Self.labelWidth - 8))\" y=\"\(SVGNumber.format(y + 16))\" font-size=\"12\" "
        + "text-anchor=\"end\"\(isNational ? " font-weight=\"bold\"" : "")>"
        + "\(HTMLText.escape(region.breakdownLabel))</text>"
      guard !region.isSuppressed && !region.isEmpty else {
        svg +=
          "<text x=\"\(SVGNumber.format(Self.labelWidth + 4))\" y=\"\(SVGNumber.format(y + 16))\" font-size=\"12\" "
          + "font-style=\"italic\">\(region.isEmpty ? "aucun répondant" : "non publié (n = \(region.respondents))")</text>"
        continue
      }
      let bar =
        "x=\"\(SVGNumber.format(Self.labelWidth))\" y=\"\(SVGNumber.format(y + 5))\" "
        + "width=\"\(SVGNumber.format(x(region.estimate) - Self.labelWidth))\" height=\"14\""
      svg += "<rect \(bar) fill=\"\(isNational ? "#4a4a4a" : ColourScale.stopColours[1])\"/>"
      if region.flags.contains("low-base") { svg += "<rect \(bar) fill=\"url(#\(id)-hachures)\"/>" }
      let (low, high) = (SVGNumber.format(x(region.lower)), SVGNumber.format(x(region.upper)))
      svg +=
        "<path d=\"M\(low) \(SVGNumber.format(y + 7))v10M\(low) \(middle)H\(high)M\(high) "
        + "\(SVGNumber.format(y + 7))v10\" stroke=\"#111111\" stroke-width=\"1.5\" fill=\"none\"/>"
        + "<text x=\"\(SVGNumber.format(Self.labelWidth + Self.plotWidth + 8))\" y=\"\(SVGNumber.format(y + 16))\" "
        + "font-size=\"12\">\(HTMLText.escape(FrenchNumber.estimate(region.estimate, region.statistic)))</text>"
    }
    if let national = indicator.national, !national.isSuppressed && !national.isEmpty {
      let position = SVGNumber.format(x(national.estimate))
      svg +=
        "<line x1=\"\(position)\" x2=\"\(position)\" y1=\"\(SVGNumber.format(top))\" "
        + "y2=\"\(SVGNumber.format(height - 8))\" stroke=\"#c0392b\" stroke-dasharray=\"5 3\"/>"
    }
    return svg + "</svg>"
  }

  /// Published regions from highest to lowest estimate, then the suppressed and empty ones.
  private var ordered: [Indicator] {
    let published = indicator.publishedRegions.sorted { $0.estimate > $1.estimate }
    return published + indicator.regions.filter { $0.isSuppressed || $0.isEmpty }
  }

  /// The axis from 0: 100 % for a proportion, else the next whole number above the highest upper
  /// bound, in `steps` steps.
  private var axis: (upper: Double, steps: Int) {
    if indicator.statistic == .proportion { return (1, 4) }
    let highest = ([indicator.national].compactMap { $0 } + indicator.publishedRegions).map(\.upper).max() ?? 1
    let upper = max(highest.rounded(.up), 1)
    return (upper, upper <= 10 ? Int(upper) : 5)
  }

  private func tickLabel(_ value: Double) -> String {
    indicator.statistic == .proportion ? FrenchNumber.percent(value, 0) : FrenchNumber.decimal(value, 0)
  }
}
