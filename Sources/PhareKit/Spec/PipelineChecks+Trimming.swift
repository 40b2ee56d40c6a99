/// `weight.trim` bounds that trimming can meet.
extension PipelineChecks {
  /// Reports, at the key's line, bounds outside 0 < lower < 1 < upper (ratios to the mean weight:
  /// any other pair would cut every weight or none on one side).
  static func checkTrimming(of spec: PipelineSpec, diagnostics: inout [SpecDiagnostic]) {
    guard let trim = spec.weight?.trim else { return }
    let message = "should be a ratio to the mean weight with 0 < lower < 1 < upper, e.g. {lower: 0.3, upper: 3}"
    if !WeightTrimmer.isLowerBound(trim.lower) {
      diagnostics.append(
        SpecDiagnostic(file: spec.file, line: spec.lines["weight.trim.lower"], message: "weight.trim.lower \(message)"))
    }
    if !WeightTrimmer.isUpperBound(trim.upper) {
      diagnostics.append(
        SpecDiagnostic(file: spec.file, line: spec.lines["weight.trim.upper"], message: "weight.trim.upper \(message)"))
    }
  }
}
