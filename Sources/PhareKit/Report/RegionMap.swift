/// The tile-grid map of the 13 regions (`RegionTile`) coloured by one indicator, each tile
/// giving the region's estimate, confidence interval and base; low-base regions hatched,
/// suppressed ones grey and marked « non publié »; a legend below. Inline SVG, no script.
struct RegionMap {
  static let tileWidth = 156.0
  static let tileHeight = 100.0
  static let gap = 6.0

  var indicator: RegionalIndicator
  /// The confidence level, 0–1, and the bases below which a cell is flagged and suppressed.
  var level: Double
  var flagBelow: Int
  var suppressBelow: Int

  /// The map as an `<svg>` whose ids start with `id`; each tile is a `<g class="region">` with
  /// `data-region` (INSEE code), `data-state` (`published`, `suppressed`, `none`), and for a
  /// published estimate `data-estimate`, `data-lower`, `data-upper` (full precision, 0–1 for a
  /// proportion), `data-n` and `data-flags`.
  func svg(id: String) -> String {
    let scale = ColourScale(values: indicator.publishedRegions.map(\.estimate))
    let step = (x: Self.tileWidth + Self.gap, y: Self.tileHeight + Self.gap)
    let mapHeight = (RegionTile.metropolitan.map(\.row).max() ?? 0) * step.y + Self.tileHeight
    let width = (RegionTile.metropolitan.map(\.column).max() ?? 0) * step.x + Self.tileWidth
    let label = "Carte des régions : \(indicator.title)"
    let viewBox = "0 0 \(SVGNumber.format(width)) \(SVGNumber.format(mapHeight + 110))"
    var svg = "<svg id=\"\(id)\" class=\"carte\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" "
    svg += "viewBox=\"\(viewBox)\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTMLText.escape(label))</title>"
    svg += "<defs>\(HatchPattern.definition(id: id + "-hachures"))<linearGradient id=\"\(id)-degrade\">"
    for (index, colour) in ColourScale.stopColours.enumerated() {
      let offset = Double(index) / Double(ColourScale.stopColours.count - 1) * 100
      svg += "<stop offset=\"\(SVGNumber.format(offset))%\" stop-color=\"\(colour)\"/>"
    }
    svg += "</linearGradient></defs>"
    for tile in RegionTile.metropolitan {
      svg += self.tile(tile, at: (tile.column * step.x, tile.row * step.y), scale: scale, hatch: id + "-hachures")
    }
    svg += legend(scale: scale, id: id, top: mapHeight + 20)
    return svg + "</svg>"
  }

  private func tile(_ tile: RegionTile, at origin: (x: Double, y: Double), scale: ColourScale, hatch: String)
    -> String
  {
    let region = indicator.region(tile.code)
    let x = SVGNumber.format(origin.x)
    let centre = SVGNumber.format(origin.x + Self.tileWidth / 2)
    func text(_ dy: Double, _ size: Int, _ content: String, colour: String, halo: String, bold: Bool = false) -> String
    {
      "<text x=\"\(centre)\" y=\"\(SVGNumber.format(origin.y + dy))\" font-size=\"\(size)\" fill=\"\(colour)\" "
        + "stroke=\"\(halo)\" stroke-width=\"3\" paint-order=\"stroke\" text-anchor=\"middle\""
        + (bold ? " font-weight=\"bold\"" : "") + ">\(HTMLText.escape(content))</text>"
    }
    let frame =
      "x=\"\(x)\" y=\"\(SVGNumber.format(origin.y))\" width=\"\(SVGNumber.format(Self.tileWidth))\" "
      + "height=\"\(SVGNumber.format(Self.tileHeight))\" rx=\"4\""
    let name = region?.breakdownLabel ?? tile.name
    guard let region, !region.isEmpty else {
      return "<g class=\"region\" data-region=\"\(tile.code)\" data-state=\"none\"><title>\(HTMLText.escape(name)) : "
        + "aucun répondant</title><rect \(frame) fill=\"#ffffff\" stroke=\"#888888\" stroke-dasharray=\"4 3\"/>"
        + text(20, 12, tile.name, colour: "#333333", halo: "#ffffff", bold: true)
        + text(50, 13, "aucun répondant", colour: "#333333", halo: "#ffffff") + "</g>"
    }
    let base = "n = \(FrenchNumber.integer(region.respondents))"
    if region.isSuppressed {
      return
        "<g class=\"region\" data-region=\"\(tile.code)\" data-state=\"suppressed\" data-n=\"\(region.respondents)\">"
        + "<title>\(HTMLText.escape(name)) : non publié, \(base) (moins de \(suppressBelow) répondants)</title>"
        + "<rect \(frame) fill=\"#d4d4d4\" stroke=\"#777777\" stroke-dasharray=\"4 3\"/>"
        + text(20, 12, tile.name, colour: "#222222", halo: "#d4d4d4", bold: true)
        + text(48, 15, "non publié", colour: "#222222", halo: "#d4d4d4")
        + text(84, 11, base, colour: "#222222", halo: "#d4d4d4") + "</g>"
    }
    let lowBase = region.flags.contains("low-base")
    let fill = scale.colour(region.estimate)
    let ink = scale.textColour(region.estimate)
    let value = FrenchNumber.estimate(region.estimate, region.statistic)
    let interval = FrenchNumber.interval(region.lower, region.upper, region.statistic)
    return "<g class=\"region\" data-region=\"\(tile.code)\" data-state=\"published\" "
      + "data-estimate=\"\(region.estimate)\" data-lower=\"\(region.lower)\" data-upper=\"\(region.upper)\" "
      + "data-n=\"\(region.respondents)\" data-flags=\"\(HTMLText.escape(region.flags.joined(separator: ";")))\">"
      + "<title>\(HTMLText.escape(name)) : \(value), IC à \(FrenchNumber.plain(level * 100))\u{A0}% "
      + "\(interval), \(base)\(lowBase ? ", base faible" : "")</title>"
      + "<rect \(frame) fill=\"\(fill)\" stroke=\"#ffffff\"/>"
      + (lowBase ? "<rect \(frame) fill=\"url(#\(hatch))\"/>" : "")
      + text(20, 12, tile.name, colour: ink, halo: fill, bold: true)
      + text(47, 20, value, colour: ink, halo: fill, bold: true)
      + text(67, 11, interval, colour: ink, halo: fill)
      + text(86, 11, base + (lowBase ? " · base faible" : ""), colour: ink, halo: fill) + "</g>"
  }

  private func legend(scale: ColourScale, id: String, top: Double) -> String {
    let y = SVGNumber.format(top)
    func tick(_ position: Double, _ value: Double) -> String {
      "<text x=\"\(SVGNumber.format(position * 300))\" y=\"\(SVGNumber.format(top + 32))\" font-size=\"11\" "
        + "text-anchor=\"middle\">\(HTMLText.escape(FrenchNumber.estimate(value, indicator.statistic)))</text>"
    }
    let middle = (scale.lower + scale.upper) / 2
    let swatchY = SVGNumber.format(top + 50)
    let textY = SVGNumber.format(top + 63)
    return "<g class=\"legende\" transform=\"translate(30 0)\"><rect x=\"0\" y=\"\(y)\" width=\"300\" height=\"14\" "
      + "fill=\"url(#\(id)-degrade)\" stroke=\"#888888\"/>"
      + tick(0, scale.lower) + tick(0.5, middle) + tick(1, scale.upper)
      + "<rect x=\"0\" y=\"\(swatchY)\" width=\"22\" height=\"16\" fill=\"\(ColourScale.stopColours[1])\"/>"
      + "<rect x=\"0\" y=\"\(swatchY)\" width=\"22\" height=\"16\" fill=\"url(#\(id)-hachures)\"/>"
      + "<text x=\"30\" y=\"\(textY)\" font-size=\"12\">Base faible : moins de \(flagBelow) répondants</text>"
      + "<rect x=\"330\" y=\"\(swatchY)\" width=\"22\" height=\"16\" fill=\"#d4d4d4\" stroke=\"#777777\" "
      + "stroke-dasharray=\"4 3\"/><text x=\"360\" y=\"\(textY)\" font-size=\"12\">Non publié : moins de "
      + "\(suppressBelow) répondants</text></g>"
  }
}
