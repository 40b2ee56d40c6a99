import Yams

/// Reading `weight.trim: {lower: L, upper: U}`; `PipelineChecks.checkTrimming` checks the values.
extension PipelineSpec {
  static func trimming(_ node: Node?, reader: SpecReader) -> WeightTrimmer? {
    guard let node else { return nil }
    let fields = reader.fields(
      node, "weight.trim", allowed: ["lower", "upper"], required: ["lower", "upper"], at: "weight.trim")
    guard let lower = reader.double(fields["lower"], "weight.trim.lower"),
      let upper = reader.double(fields["upper"], "weight.trim.upper")
    else { return nil }
    return WeightTrimmer(lower: lower, upper: upper)
  }
}
