/// The `weight:` and `estimate:` sections name variables that fit their use.
extension PipelineChecks {
  static func checkWeighting(of spec: PipelineSpec, variables: SpecVariables, diagnostics: inout [SpecDiagnostic]) {
    guard let weight = spec.weight else { return }
    func report(_ path: String, _ message: String) {
      diagnostics.append(SpecDiagnostic(file: spec.file, line: spec.lines[path], message: message))
    }
    let categories = weight.margins.map { margin in
      DerivedVariable.categories(crossing: margin.map { variables.codes(of: $0)?.values.count ?? 1 })
    }
    for (index, margin) in weight.margins.enumerated() {
      for name in margin {
        if let problem = variables.problem(name, as: .categories, in: "weight.margins") {
          report("weight.margins.\(index)", problem)
        }
      }
      if categories[index] > DerivedVariable.maxCrossCategories {
        report(
          "weight.margins.\(index)",
          "weight.margins: '\(WeightingSpec.name(of: margin))' crosses into more than "
            + "\(DerivedVariable.maxCrossCategories) categories")
      }
    }
    // Calibration works on the cells of all margins crossed.
    let cells = DerivedVariable.categories(crossing: categories)
    if cells > CalibrationCells.maxCombinations {
      report(
        "weight.margins",
        "weight.margins cross \(categories.map { $0 == Int.max ? "too many" : String($0) }.joined(separator: " × ")) "
          + "categories, more than the \(CalibrationCells.maxCombinations) calibration cells phare can hold")
    }
    checkTrimming(of: spec, diagnostics: &diagnostics)
    if case .column(let name) = weight.start, let problem = variables.problem(name, as: .numbers, in: "weight.start") {
      report("weight.start.column", problem)
    }
    let names = weight.margins.map(WeightingSpec.name(of:))
    var collapsed: [[Int]: Int] = [:]
    for (index, rule) in weight.collapse.enumerated() {
      let path = "weight.collapse.\(index)"
      guard let position = names.firstIndex(of: rule.margin) else {
        report(path + ".margin", "collapse rule: '\(rule.margin)' is not one of weight.margins")
        continue
      }
      let margin = weight.margins[position]
      for (key, codes) in [("category", rule.category), ("into", rule.into)] {
        guard codes.count == margin.count else {
          report(
            path + ".\(key)", "collapse rule: \(key) should have \(margin.count) code(s) like the margin \(rule.margin)"
          )
          continue
        }
        for (name, code) in zip(margin, codes) {
          if let values = variables.codes(of: name)?.values, !values.contains(where: { $0.code == code }) {
            report(path + ".\(key)", "collapse rule: \(code) is not a value of '\(name)'")
          }
        }
      }
      if rule.category == rule.into {
        report(path + ".into", "collapse rule: a category cannot be merged into itself")
      }
      if collapsed.updateValue(index, forKey: rule.category) != nil {
        report(path + ".category", "collapse rule: category \(WeightStage.label(rule.category)) is already collapsed")
      }
    }
  }

  static func checkEstimation(of spec: PipelineSpec, variables: SpecVariables, diagnostics: inout [SpecDiagnostic]) {
    guard let estimate = spec.estimate else { return }
    func report(_ path: String, _ message: String?) {
      guard let message else { return }
      diagnostics.append(SpecDiagnostic(file: spec.file, line: spec.lines[path], message: message))
    }
    for (index, name) in estimate.variables.enumerated() {
      report("estimate.variables.\(index)", variables.problem(name, as: .analysis, in: "estimate.variables"))
      if let set = variables.setOwning(name), estimate.variables.contains(set) {
        report(
          "estimate.variables.\(index)",
          "estimate.variables: '\(name)' is an item of '\(set)', listed too (its indicators would be written twice)")
      }
    }
    for (index, breakdown) in estimate.breakdowns.enumerated() {
      for name in breakdown {
        report("estimate.breakdowns.\(index)", variables.problem(name, as: .categories, in: "estimate.breakdowns"))
      }
      // Every declared level is published: a breakdown is a table's columns, not a listing.
      let levels = DerivedVariable.categories(crossing: breakdown.map { variables.codes(of: $0)?.values.count ?? 1 })
      if levels > DerivedVariable.maxCrossCategories {
        report(
          "estimate.breakdowns.\(index)",
          "estimate.breakdowns: '\(breakdown.joined(separator: "*"))' crosses into more than "
            + "\(DerivedVariable.maxCrossCategories) levels")
      }
    }
  }
}
