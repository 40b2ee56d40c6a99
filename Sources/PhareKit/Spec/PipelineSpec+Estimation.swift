import Yams

/// Reading the `estimate:` section of a pipeline spec.
extension PipelineSpec {
  static func estimation(_ node: Node, reader: SpecReader) -> EstimationSpec? {
    let fields = reader.fields(
      node, "estimate",
      allowed: [
        "variables", "totals", "breakdowns", "interval", "level", "min_base", "fpc", "tables", "correction",
      ],
      required: ["variables"], at: "estimate")
    var spec = EstimationSpec(
      variables: reader.strings(fields["variables"], "estimate.variables", at: "estimate.variables") ?? [],
      breakdowns: (reader.strings(fields["breakdowns"], "estimate.breakdowns", at: "estimate.breakdowns") ?? []).map {
        $0.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
      },
      interval: reader.choice(fields["interval"], "estimate.interval", IntervalMethod.allCases.map(\.rawValue))
        .flatMap(IntervalMethod.init(rawValue:)) ?? .logit,
      level: EstimationSpec.defaultLevel,
      flagBelow: EstimationSpec.defaultFlagBelow,
      suppressBelow: EstimationSpec.defaultSuppressBelow)
    for index in spec.variables.repeatedPositions {
      reader.report(
        line: reader.lines["estimate.variables.\(index)"],
        "estimate.variables: '\(spec.variables[index])' is listed twice")
    }
    for (index, breakdown) in spec.breakdowns.enumerated()
    where spec.breakdowns[..<index].contains(breakdown) || Set(breakdown).count < breakdown.count {
      reader.report(
        line: reader.lines["estimate.breakdowns.\(index)"],
        "estimate.breakdowns: '\(breakdown.joined(separator: "*"))' is listed twice or crosses a variable with itself")
    }
    spec.totals = reader.strings(fields["totals"], "estimate.totals", at: "estimate.totals") ?? []
    for name in spec.totals where !spec.variables.contains(name) {
      reader.report(fields["totals"], "estimate.totals: '\(name)' is not among estimate.variables")
    }
    if let level = reader.double(fields["level"], "estimate.level") {
      if level > 0 && level < 1 {
        spec.level = level
      } else {
        reader.report(fields["level"], "estimate.level should be a confidence level above 0 and below 1, such as 0.95")
      }
    }
    if let base = fields["min_base"] {
      let thresholds = reader.fields(base, "estimate.min_base", allowed: ["flag", "suppress"])
      spec.flagBelow = reader.int(thresholds["flag"], "estimate.min_base.flag") ?? spec.flagBelow
      spec.suppressBelow = reader.int(thresholds["suppress"], "estimate.min_base.suppress") ?? spec.suppressBelow
      for (key, value) in [("flag", spec.flagBelow), ("suppress", spec.suppressBelow)] where value < 0 {
        reader.report(thresholds[key], "estimate.min_base.\(key) should be a number of respondents, 0 or more")
      }
      if spec.suppressBelow > spec.flagBelow {
        reader.report(base, "estimate.min_base.suppress should not exceed estimate.min_base.flag")
      }
    }
    if let fpc = fields["fpc"] {
      reader.report(
        fpc,
        "estimate.fpc has moved to the design: write design: {strata: S, fpc: [{population: S}]} for strata S "
          + "whose sizes are the populations file's margin S")
    }
    spec.correction =
      reader.choice(fields["correction"], "estimate.correction", PValueCorrection.allCases.map(\.rawValue))
      .flatMap(PValueCorrection.init(rawValue:)) ?? .none
    if let tables = fields["tables"] {
      spec.tables = self.tables(tables, estimate: spec, reader: reader)
    }
    return spec
  }
}
