/// Consistency rules, derived variables and headlines: the names they use exist and fit, and
/// the codes they name are codes of those variables.
extension PipelineChecks {
  /// Checks the rules in the order the clean stage applies them (consistency on the codebook's
  /// columns, then each derived variable from those before it) and adds the derived variables
  /// to `variables`.
  static func checkRules(of spec: PipelineSpec, variables: inout SpecVariables, diagnostics: inout [SpecDiagnostic]) {
    func report(_ line: Int?, _ message: String) {
      diagnostics.append(SpecDiagnostic(file: spec.file, line: line, message: message))
    }
    checkConsistency(of: spec, variables: variables, report: report)
    var defined: Set<String> = []
    for derived in spec.clean.derived {
      let context = "derived variable '\(derived.name)'"
      if derived.name.contains("*") {
        report(derived.line, "\(context): a name cannot hold '*', which crosses variables")
      }
      if let problem = MicrodataColumns.problem(naming: derived.name, context) {
        report(derived.line, problem)
      } else if variables.codebookNames.contains(derived.name) {
        report(derived.line, "\(context) is already defined in the codebook")
      } else if !defined.insert(derived.name).inserted {
        report(derived.line, "\(context) is already defined")
      }
      switch derived.rule {
      case .net(let of, let codes):
        if let problem = variables.problem(of, as: .codesOrScores, in: context) {
          report(derived.line, problem)
        } else {
          checkNetCodes(codes, of: of, context: context, variables: variables) { report(derived.line, $0) }
        }
      case .recode(let of, let bands):
        if let problem = variables.problem(of, as: .numbers, in: context) { report(derived.line, problem) }
        checkBands(bands, context: context, line: derived.line, report: report)
      case .cross(let names):
        for name in names {
          if let problem = variables.problem(name, as: .categories, in: context) { report(derived.line, problem) }
        }
        if Set(names).count < names.count { report(derived.line, "\(context) crosses a variable with itself") }
        let categories = DerivedVariable.categories(crossing: names.map { variables.codes(of: $0)?.values.count ?? 1 })
        if categories > DerivedVariable.maxCrossCategories {
          report(
            derived.line,
            "\(context) crosses into \(categories == Int.max ? "too many" : String(categories)) categories, more "
              + "than \(DerivedVariable.maxCrossCategories)")
        }
      }
      variables.add(derived)
    }
    checkHeadlines(of: spec, variables: variables, report: report)
  }

  private static func checkConsistency(
    of spec: PipelineSpec, variables: SpecVariables, report: (Int?, String) -> Void
  ) {
    for rule in spec.clean.consistency {
      let context = "consistency rule '\(rule.name)'"
      if rule.blank.contains(rule.variable) {
        report(rule.line, "\(context) blanks '\(rule.variable)', the variable it tests")
      }
      if let problem = variables.problem(rule.variable, as: .codesOrScores, in: context) {
        report(rule.line, problem)
      } else if rule.codes.isEmpty {
        report(rule.line, "\(context) has no codes")
      } else if let codes = variables.codes(of: rule.variable) {
        for code in rule.codes where !(codes.values + codes.missing).contains(where: { $0.code == code }) {
          report(rule.line, "\(context): code \(code) is not a code of '\(rule.variable)'")
        }
      }
      for name in rule.blank {
        if let problem = variables.problem(name, as: .answer, in: context) { report(rule.line, problem) }
      }
      if rule.blank.isEmpty { report(rule.line, "\(context): then_blank names no variable") }
    }
  }

  private static func checkNetCodes(
    _ codes: [Int], of name: String, context: String, variables: SpecVariables, report: (String) -> Void
  ) {
    guard !codes.isEmpty else { return report("\(context): a net needs at least one code") }
    if Set(codes).count < codes.count { report("\(context): a code of the net is listed twice") }
    switch variables[name] {
    case .coded(let values, let missing)?:
      for code in codes where !values.contains(where: { $0.code == code }) {
        let isMissing = missing.contains { $0.code == code }
        report(
          "\(context): code \(code) is \(isMissing ? "a missing code" : "not a value") of '\(name)'"
            + (isMissing ? " (never in a base)" : ""))
      }
    case .number(_, let range?)?:
      for code in codes where !range.contains(Double(code)) {
        report("\(context): code \(code) is outside the range of '\(name)'")
      }
    default:
      break
    }
  }

  private static func checkBands(
    _ bands: [DerivedVariable.Band], context: String, line: Int?, report: (Int?, String) -> Void
  ) {
    guard !bands.isEmpty else { return report(line, "\(context) has no bands") }
    for (index, band) in bands.enumerated() {
      if Int32(exactly: band.code) == nil {
        report(band.line, "\(context): code \(band.code) is not from \(Int32.min) to \(Int32.max)")
      }
      if band.lower > band.upper {
        report(band.line, "\(context): band \(Format.number(band.lower))–\(Format.number(band.upper)) is reversed")
      }
      for other in bands[..<index] where band.lower <= other.upper && other.lower <= band.upper {
        report(
          band.line,
          "\(context): band \(Format.number(band.lower))–\(Format.number(band.upper)) overlaps band "
            + "\(Format.number(other.lower))–\(Format.number(other.upper))")
      }
      if let other = bands[..<index].first(where: { $0.code == band.code && $0.label != band.label }) {
        report(band.line, "\(context): code \(band.code) has two labels, '\(other.label)' and '\(band.label)'")
      }
    }
  }

  /// A headline, and the report's map indicator, names an estimated variable or item, and a
  /// category it has; the map needs the `region` breakdown.
  private static func checkHeadlines(
    of spec: PipelineSpec, variables: SpecVariables, report: (Int?, String) -> Void
  ) {
    let estimated = Set(spec.estimate?.variables ?? [])
    var named = spec.headlines.map { ($0, "headline '\($0.variable)'") }
    if let map = spec.report.map {
      named.append((map, "report.map '\(map.variable)'"))
      if let estimate = spec.estimate, !estimate.breakdowns.contains([RegionTile.breakdown]) {
        report(map.line, "report.map needs '\(RegionTile.breakdown)' among estimate.breakdowns")
      }
    }
    for (headline, context) in named {
      let owner = variables.setOwning(headline.variable)
      guard let content = variables[headline.variable] else {
        report(headline.line, "\(context) is not a variable, item or derived variable")
        continue
      }
      if spec.estimate != nil && !estimated.contains(headline.variable) && !(owner.map(estimated.contains) ?? false) {
        report(headline.line, "\(context) is not among estimate.variables")
      }
      switch (content, headline.category) {
      case (.coded(let values, let missing), let category?):
        let dontKnow = spec.clean.dontKnow == .category ? missing : []
        if !(values + dontKnow).contains(where: { $0.code == category }) {
          report(headline.line, "\(context): category \(category) is not a code of '\(headline.variable)'")
        } else if values.map(\.code) == [0, 1] && category != 1 {
          report(headline.line, "\(context): a 0/1 variable's headline is its category 1")
        }
      case (.coded, nil):
        if variables.codes(of: headline.variable)?.values.map(\.code) != [0, 1] {
          report(headline.line, "\(context) needs a category (the share of which answer?)")
        }
      case (.item, let category):
        if let category, category != 1 { report(headline.line, "\(context): an item's headline is its category 1") }
      case (.number, let category?):
        report(
          headline.line, "\(context): '\(headline.variable)' has a mean, not categories (remove category \(category))")
      case (.multipleSet, _):
        report(headline.line, "\(context) is a multiple-response set: name one of its items")
      case (.number, nil):
        break
      default:
        report(headline.line, "\(context) is not analysable")
      }
    }
  }
}
