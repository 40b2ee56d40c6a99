import Yams

/// Reading the `estimate:` section of a pipeline spec.
extension PipelineSpec {
  static func estimation(_ node: Node, reader: SpecReader) -> EstimationSpec? {
    let fields = reader.fields(
      node, "estimate",
      allowed: ["variables", "totals", "breakdowns", "interval", "level", "min_base", "fpc", "tables"],
      required: ["variables"])
    var spec = EstimationSpec(
      variables: reader.strings(fields["variables"], "estimate.variables") ?? [],
      breakdowns: (reader.strings(fields["breakdowns"], "estimate.breakdowns") ?? []).map {
        $0.split(separator: "*").map(String.init)
      },
      interval: reader.choice(fields["interval"], "estimate.interval", IntervalMethod.allCases.map(\.rawValue))
        .flatMap(IntervalMethod.init(rawValue:)) ?? .logit,
      level: EstimationSpec.defaultLevel,
      flagBelow: EstimationSpec.defaultFlagBelow,
      suppressBelow: EstimationSpec.defaultSuppressBelow,
      fpcStrata: nil)
    spec.totals = reader.strings(fields["totals"], "estimate.totals") ?? []
    for name in spec.totals where !spec.variables.contains(name) {
      reader.report(fields["totals"], "estimate.totals: '\(name)' is not among estimate.variables")
    }
    if let level = reader.double(fields["level"], "estimate.level") {
      if level > 0.5 && level < 1 {
        spec.level = level
      } else {
        reader.report(fields["level"], "estimate.level should be a confidence level such as 0.95")
      }
    }
    if let base = fields["min_base"] {
      let thresholds = reader.fields(base, "estimate.min_base", allowed: ["flag", "suppress"])
      spec.flagBelow = reader.int(thresholds["flag"], "estimate.min_base.flag") ?? spec.flagBelow
      spec.suppressBelow = reader.int(thresholds["suppress"], "estimate.min_base.suppress") ?? spec.suppressBelow
      if spec.suppressBelow > spec.flagBelow {
        reader.report(base, "estimate.min_base.suppress should not exceed estimate.min_base.flag")
      }
    }
    if let fpc = fields["fpc"] {
      let strata = reader.fields(fpc, "estimate.fpc", allowed: ["strata"], required: ["strata"])
      spec.fpcStrata = reader.string(strata["strata"], "estimate.fpc.strata")?.split(separator: "*").map(String.init)
    }
    if let tables = fields["tables"] {
      spec.tables = self.tables(tables, estimate: spec, reader: reader)
    }
    return spec
  }
}
