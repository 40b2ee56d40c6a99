/// A wave that does not ask a variable cannot be weighted or broken down by it.
extension PipelineChecks {
  /// One problem per weighting margin, start-weight column, breakdown or fpc stratum that some of
  /// `waves` do not ask (`Codebook.notAsked(in:derived:)`), naming those waves and why.
  static func checkAsked(spec: PipelineSpec, codebook: Codebook, waves: [String]) -> [SpecDiagnostic] {
    let unasked = waves.map { (wave: $0, names: Set(codebook.notAsked(in: $0, derived: spec.clean.derived))) }
    guard unasked.contains(where: { !$0.names.isEmpty }) else { return [] }
    var uses: [(path: String, key: String, role: String, names: [String])] = []
    for (index, margin) in (spec.weight?.margins ?? []).enumerated() {
      uses.append(("weight.margins.\(index)", "weight.margins", "a weighting margin", margin))
    }
    if case .column(let name)? = spec.weight?.start {
      uses.append(("weight.start.column", "weight.start", "the starting weights", [name]))
    }
    for (index, breakdown) in (spec.estimate?.breakdowns ?? []).enumerated() {
      uses.append(("estimate.breakdowns.\(index)", "estimate.breakdowns", "a breakdown", breakdown))
    }
    if let strata = spec.estimate?.fpcStrata {
      uses.append(("estimate.fpc.strata", "estimate.fpc", "an fpc stratum", strata))
    }
    return uses.flatMap { use in
      use.names.compactMap { name -> SpecDiagnostic? in
        let missing = unasked.filter { $0.names.contains(name) }.map(\.wave)
        guard !missing.isEmpty else { return nil }
        let owner = codebook.variables.first { $0.name == name || $0.items.contains { $0.name == name } }
        let why = owner?.waves.map { "codebook waves: \($0)" } ?? "derived from a variable not asked there"
        return SpecDiagnostic(
          file: spec.file, line: spec.lines[use.path],
          message: "\(use.key): '\(name)' is not asked in wave\(missing.count > 1 ? "s" : "") "
            + "\(missing.joined(separator: ", ")) (\(why)); \(use.role) must be asked in every wave")
      }
    }
  }
}
