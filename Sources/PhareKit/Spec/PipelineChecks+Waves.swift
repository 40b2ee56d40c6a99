/// A wave that does not ask a variable cannot be weighted or broken down by it.
extension PipelineChecks {
  /// One problem per weighting margin, start-weight column, breakdown or design variable that some of
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
    if let design = spec.design {
      if let weights = design.weights { uses.append(("design.weights", "design.weights", "design weights", [weights])) }
      if let strata = design.strata { uses.append(("design.strata", "design.strata", "a stratum", strata)) }
      for (index, name) in design.clusters.enumerated() {
        uses.append(("design.clusters.\(index)", "design.clusters", "a cluster id", [name]))
      }
      for (index, fpc) in design.fpc.enumerated() {
        switch fpc {
        case .column(let name): uses.append(("design.fpc.\(index)", "design.fpc", "an fpc", [name]))
        case .population(let margin): uses.append(("design.fpc.\(index)", "design.fpc", "an fpc margin", margin))
        }
      }
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
