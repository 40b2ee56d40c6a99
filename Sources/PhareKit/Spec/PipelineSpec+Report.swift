import Yams

extension PipelineSpec {
  /// `report: {map: {variable: q3, category: 1}}`: the map's indicator, named as a headline is.
  static func report(_ node: Node, reader: SpecReader) -> ReportSpec {
    let fields = reader.fields(node, "report", allowed: ["map"], at: "report")
    guard let map = fields["map"] else { return ReportSpec() }
    let keys = reader.fields(
      map, "report.map", allowed: ["variable", "category"], required: ["variable"], at: "report.map")
    return ReportSpec(
      map: reader.string(keys["variable"], "report.map.variable").map {
        Headline(variable: $0, category: reader.int(keys["category"], "report.map.category"), line: map.mark?.line)
      })
  }
}
