import Foundation

/// The populations file a weighted pipeline reads: well-formed, positive totals, one population
/// across the margins, and categories that are exactly the codebook's codes.
extension PipelineChecks {
  /// Reads the populations file and checks it against the spec's margins and the design's fpc margins.
  static func checkPopulations(of spec: PipelineSpec, variables: SpecVariables, diagnostics: inout [SpecDiagnostic]) {
    func report(_ path: String, _ message: String) {
      diagnostics.append(SpecDiagnostic(file: spec.file, line: spec.lines[path], message: message))
    }
    let fpcMargins = (spec.design?.fpc ?? []).enumerated().compactMap { index, fpc -> (Int, [String])? in
      guard case .population(let margin) = fpc else { return nil }
      return (index, margin)
    }
    guard spec.weight != nil || !fpcMargins.isEmpty else { return }
    guard let file = spec.populations else {
      return report(
        spec.weight != nil ? "weight" : "design.fpc.\(fpcMargins[0].0)",
        "\(spec.weight != nil ? "weighting" : "the finite population correction") needs a populations file "
          + "(populations: at the top of the spec)")
    }
    let population: PopulationMargins
    do {
      population = try PopulationMargins.load(file)
    } catch let problems as SpecProblems {
      return diagnostics += problems.diagnostics
    } catch let error as IngestError {
      if case .fileNotFound = error { return report("populations", "populations file \(file) does not exist") }
      return diagnostics.append(SpecDiagnostic(file: file, line: 1, message: error.problem))
    } catch {
      return diagnostics.append(SpecDiagnostic(file: file, line: nil, message: String(describing: error)))
    }
    func reportRow(_ margin: String, _ index: Int, _ message: String) {
      diagnostics.append(SpecDiagnostic(file: file, line: population.lines[margin]?[index], message: message))
    }
    let weight = spec.weight
    var used: [(name: String, variables: [String], path: String)] = []
    for (index, margin) in (weight?.margins ?? []).enumerated() {
      used.append((WeightingSpec.name(of: margin), margin, "weight.margins.\(index)"))
    }
    for (index, margin) in fpcMargins { used.append((WeightingSpec.name(of: margin), margin, "design.fpc.\(index)")) }
    for (name, margin, path) in used {
      let codes = margin.map { variables.codes(of: $0)?.values.map(\.code) }
      // A variable that does not fit, or has no categories, is reported as such.
      guard codes.allSatisfy({ $0 != nil && !$0!.isEmpty }),
        DerivedVariable.categories(crossing: codes.map { $0!.count }) <= DerivedVariable.maxCrossCategories
      else { continue }
      guard let cells = population.margins[name] else {
        report(path, "'\(name)' has no totals in the populations file \(file)")
        continue
      }
      for (index, cell) in cells.enumerated() {
        for (position, code) in cell.codes.enumerated() where !codes[position]!.contains(code) {
          reportRow(
            name, index,
            "\(name) category \(WeightStage.label(cell.codes)): \(code) is not a value of '\(margin[position])'")
        }
        if path.hasPrefix("design") && cell.total < 1 {
          reportRow(name, index, "\(name) category \(WeightStage.label(cell.codes)): a population size is at least 1")
        }
      }
      let rules =
        path.hasPrefix("weight") ? (weight?.collapse ?? []).enumerated().filter { $0.element.margin == name } : []
      let collapsed = Set(rules.map(\.element.category))
      let listed = Set(cells.map(\.codes))
      // As the weight stage applies them: in order, each removing its category.
      var remaining = listed
      for (index, rule) in rules {
        if !remaining.contains(rule.into) {
          report(
            "weight.collapse.\(index).into",
            "collapse rule: category \(WeightStage.label(rule.into)) of \(name) has no total in \(file) to merge into"
              + (listed.contains(rule.into) ? " (a rule above merged it away)" : ""))
        }
        remaining.remove(rule.category)
      }
      // An fpc margin needs the sampled strata only: the weight stage names one it lacks.
      let absent = DerivedVariable.combinations(codes.map { $0! }).filter {
        !listed.contains($0) && !collapsed.contains($0) && !path.hasPrefix("design")
      }
      if !absent.isEmpty {
        let shown = absent.prefix(10).map(WeightStage.label).joined(separator: ", ") + (absent.count > 10 ? ", …" : "")
        report(
          path,
          "'\(name)': \(absent.count) codebook categor\(absent.count == 1 ? "y has" : "ies have") no total in \(file) "
            + "(\(shown)); add \(absent.count == 1 ? "it" : "them") or collapse (weight.collapse)")
      }
    }
    // Every margin of the file describes one population: those the spec uses first, then the others.
    let others = population.margins.keys.filter { name in !used.contains { $0.name == name } }.sorted {
      (population.lines[$0]?.first ?? 0) < (population.lines[$1]?.first ?? 0)
    }
    checkTotalsAgree(
      population, margins: used.filter { !$0.path.hasPrefix("design") }.map(\.name) + others, file: file
    ) { diagnostics.append($0) }
  }

  /// Every margin used sums to the first one's total, within `PopulationMargins.totalTolerance`.
  private static func checkTotalsAgree(
    _ population: PopulationMargins, margins: [String], file: String, report: (SpecDiagnostic) -> Void
  ) {
    var present = margins.filter { population.margins[$0] != nil }
    for name in present {
      guard !population.margins[name]!.map(\.total).reduce(0, +).isFinite else { continue }
      report(
        SpecDiagnostic(
          file: file, line: population.lines[name]?.first,
          message: "margin \(name) sums to more than a number can hold; totals are counts of people or units"))
      present.removeAll { $0 == name }
    }
    guard let first = present.first else { return }
    let expected = population.margins[first]!.map(\.total).reduce(0, +)
    for name in present.dropFirst() {
      let total = population.margins[name]!.map(\.total).reduce(0, +)
      if abs(total - expected) > PopulationMargins.totalTolerance * expected {
        report(
          SpecDiagnostic(
            file: file, line: population.lines[name]?.first,
            message: "margin \(name) sums to \(Format.number(total)) but margin \(first) sums to "
              + "\(Format.number(expected)); the margins of one population agree within "
              + "\(PopulationMargins.totalTolerance) (relative)"))
      }
    }
  }
}
