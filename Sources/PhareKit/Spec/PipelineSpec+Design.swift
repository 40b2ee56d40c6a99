import Yams

/// Reading the `design:` section of a pipeline spec.
extension PipelineSpec {
  static func design(_ node: Node, reader: SpecReader) -> SurveyDesignSpec {
    let fields = reader.fields(
      node, "design", allowed: ["weights", "strata", "clusters", "fpc", "nest", "lonely_psu"], at: "design")
    var spec = SurveyDesignSpec()
    spec.weights = reader.string(fields["weights"], "design.weights")
    if fields["strata"]?.sequence != nil {
      reader.report(
        fields["strata"],
        "design.strata is stage 1's strata: one variable or a crossing written a*b (stage 2 is stratified by PSU, as R)"
      )
    } else {
      spec.strata = reader.string(fields["strata"], "design.strata").map(crossing)
    }
    spec.clusters = reader.strings(fields["clusters"], "design.clusters", at: "design.clusters") ?? []
    if spec.clusters.count > SurveyDesignSpec.maxStages {
      reader.report(
        fields["clusters"],
        "design.clusters lists \(spec.clusters.count) stages; phare handles one or two ([psu] or [psu, ssu])")
    }
    for index in spec.clusters.repeatedPositions {
      reader.report(
        line: reader.lines["design.clusters.\(index)"], "design.clusters: '\(spec.clusters[index])' is listed twice")
    }
    if let node = fields["fpc"] {
      let items = node.sequence.map(Array.init) ?? [node]
      spec.fpc = items.enumerated().compactMap { index, item in
        reader.lines.record("design.fpc.\(index)", item)
        return fpc(item, reader: reader)
      }
      if spec.fpc.count == items.count && items.count != spec.stageCount {
        reader.report(
          node,
          "design.fpc gives \(items.count) stage(s) but the design has \(spec.stageCount) (one per design.clusters "
            + "entry, one for a design without clusters): give one fpc per stage, or none")
      }
    }
    spec.nest = reader.bool(fields["nest"], "design.nest") ?? false
    spec.lonelyPSU =
      reader.choice(fields["lonely_psu"], "design.lonely_psu", LonelyPSU.allCases.map(\.rawValue))
      .flatMap(LonelyPSU.init(rawValue:)) ?? .fail
    return spec
  }

  /// One stage's fpc: a column name, or `{population: margin}`.
  private static func fpc(_ node: Node, reader: SpecReader) -> SurveyDesignSpec.FPC? {
    if node.mapping != nil {
      let fields = reader.fields(
        node, "a design.fpc entry", allowed: ["population"], required: ["population"])
      return reader.string(fields["population"], "design.fpc.population").map { .population(crossing($0)) }
    }
    return reader.string(node, "a design.fpc entry (a column, or {population: margin})").map { .column($0) }
  }

  private static func crossing(_ name: String) -> [String] {
    name.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
  }
}
