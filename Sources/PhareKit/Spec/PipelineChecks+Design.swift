/// The `design:` section names variables that fit their use, and gives the weights a source.
extension PipelineChecks {
  static func checkDesign(of spec: PipelineSpec, variables: SpecVariables, diagnostics: inout [SpecDiagnostic]) {
    guard let design = spec.design else { return }
    func report(_ path: String, _ message: String?) {
      guard let message else { return }
      diagnostics.append(SpecDiagnostic(file: spec.file, line: spec.lines[path], message: message))
    }
    // Every row needs its design variables: a blank one would fail the wave.
    func check(_ name: String, as use: SpecVariables.Use, at path: String, role: String) {
      let problem = variables.problem(name, as: use, in: path.split(separator: ".").prefix(2).joined(separator: "."))
      report(path, problem)
      if problem == nil && variables.isRequired(name) != true && variables[name] != .identifier {
        report(path, "design: '\(name)' may be blank; \(role) are codebook variables with required: true")
      }
      // A declared missing code (« Ne sait pas ») would be a row without its stratum or cluster.
      if problem == nil, let missing = variables.codes(of: name)?.missing, let code = missing.first {
        report(
          path,
          "design: '\(name)' declares the missing code \(code.code) « \(code.label) »; \(role) are known for every "
            + "respondent")
      }
    }
    if let weights = design.weights { check(weights, as: .numbers, at: "design.weights", role: "design weights") }
    for name in design.strata ?? [] { check(name, as: .categories, at: "design.strata", role: "strata") }
    for (index, name) in design.clusters.enumerated() {
      check(name, as: .clusterIDs, at: "design.clusters.\(index)", role: "cluster ids")
    }
    for (index, fpc) in design.fpc.enumerated() {
      let path = "design.fpc.\(index)"
      switch fpc {
      case .column(let name): check(name, as: .numbers, at: path, role: "fpc columns")
      case .population(let margin):
        // A margin of the populations file sizes the stage's strata: stage 1's strata, stage 2's PSUs.
        let strata = index == 0 ? design.strata : design.clusters.first.map { [$0] }
        guard margin == strata else {
          let name = WeightingSpec.name(of: margin)
          report(
            path,
            "design.fpc: {population: \(name)} sizes the strata of stage \(index + 1), "
              + (strata.map {
                "which are \(WeightingSpec.name(of: $0)): write {population: \(WeightingSpec.name(of: $0))}"
              }
                ?? "but the design has no design.strata: give the stage's fpc as a column"))
          continue
        }
      }
    }
    if case .column? = spec.weight?.start {
      report(
        "weight.start",
        "weight.start: with a design: section the calibration starts from the design's weights (design.weights)")
    }
    let weightsFromFPC = !design.fpc.isEmpty
    if design.weights == nil && !weightsFromFPC && spec.weight == nil {
      report(
        "design",
        "design: no source of weights: give design.weights, an fpc for every stage (weights 1 / Π n/N, as R), "
          + "or a weight: calibration")
    }
  }
}
