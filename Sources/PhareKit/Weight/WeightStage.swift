/// The weight stage: builds the wave's sample design (`design:`; independent rows without one)
/// and calibrates it to its population margins by post-stratification or calibration with the
/// spec's distance (raking, bounded or not, linear, logit, truncated linear), after applying
/// the spec's collapses and its policy for blank weighting variables, starting from the design's
/// weights — design → design, as R's `calibrate`. Without `weight:` the final weights are the
/// design's. Fails with the margin and cell at fault rather than guessing, and never publishes a
/// weight that is not finite, nor one that is not positive unless linear calibration gave it (counted).
public struct WeightStage: Sendable {
  /// The calibration; nil to keep the design's weights.
  public let spec: WeightingSpec?
  public let design: SurveyDesignSpec?
  /// The populations file: the calibration's margins, and fpc entries `{population: margin}`.
  public let population: PopulationMargins?

  public init(spec: WeightingSpec?, design: SurveyDesignSpec? = nil, population: PopulationMargins?) {
    self.spec = spec
    self.design = design
    self.population = population
  }

  /// The wave's final weights and diagnostics; throws `WeightingError` naming the margin, cell or
  /// source line at fault (no margins, a category missing on either side, a population total that
  /// is not positive, margins that disagree, bounds proven infeasible before iterating
  /// (`CalibrationPrecheck`), no convergence, a final weight that is not positive). Categories are
  /// named `code « label »` where the codebook labels their codes.
  public func run(_ wave: CleanWave) throws -> WeightedWave {
    guard let spec, let population else { return try designWeighted(wave) }
    return try calibrated(wave, spec: spec, population: population)
  }

  private func calibrated(_ wave: CleanWave, spec: WeightingSpec, population: PopulationMargins) throws
    -> WeightedWave
  {
    guard !spec.margins.isEmpty else { throw WeightingError.noMargins }
    if spec.method == .postStratification && spec.margins.count != 1 {
      throw WeightingError.postStratificationMargins(spec.margins.count)
    }
    // Margins are read one at a time, so that ten million rows never hold all their keys at once.
    func codes(_ variables: [String]) throws -> PackedCodes {
      guard let codes = PackedCodes(variables: variables, wave: wave) else {
        throw WeightingError.unknownVariable(WeightingSpec.name(of: variables))
      }
      return codes
    }
    // Each row with a blank margin, and the first such margin (named in quarantine.csv).
    var blankMargin: [Int: String] = [:]
    for variables in spec.margins {
      let keys = try codes(variables).keys
      for row in keys.indices where keys[row] == PackedCodes.missing && blankMargin[row] == nil {
        blankMargin[row] = WeightingSpec.name(of: variables)
      }
    }
    let incomplete = Set(blankMargin.keys)
    let (rows, quarantined, imputed) = handleMissing(blankMargin, wave: wave, spec: spec)
    let sample = try sampleDesign(wave, rows: rows)
    var collapsed: [String] = []
    var categoryCounts: [Int] = []
    var rowCategories: [[Int32]] = []
    var targets: [[Double]] = []
    var names = MarginNames(margins: [], categories: [])
    var codesAndLabels: [[(code: String, label: String?)]] = []
    for variables in spec.margins {
      let name = WeightingSpec.name(of: variables)
      guard var cells = population.margins[name], !cells.isEmpty else {
        throw WeightingError.marginNotInPopulation(margin: name, file: population.file)
      }
      var margin = try codes(variables)
      if spec.missing == .imputeMode {
        guard margin.keys.contains(where: { $0 != PackedCodes.missing }) || margin.keys.isEmpty else {
          throw WeightingError.marginAllBlank(margin: name, respondents: margin.keys.count)
        }
        margin.imputeMode()
      }
      var setAsideKeys = incomplete.map { margin.keys[$0] }
      var keys = rows.count == margin.keys.count ? margin.keys : rows.map { margin.keys[$0] }
      margin = PackedCodes.empty(variables)
      // Categories merged into each remaining one, named with it: `44 « Ouest » (with 33 « Est »)`.
      var merged: [[Int]: [String]] = [:]
      for rule in spec.collapse where rule.margin == name {
        merged[rule.into, default: []].append(
          contentsOf: [MarginNames.category(rule.category, of: variables, in: wave)] + (merged[rule.category] ?? []))
        collapsed.append(Self.collapse(rule, cells: &cells, keys: &keys))
        Self.merge(rule, keys: &setAsideKeys)
      }
      let cellKeys = cells.map { PackedCodes.key($0.codes) ?? PackedCodes.missing }
      let lookup = CategoryLookup(keys: cellKeys)
      var respondents = [Int](repeating: 0, count: cells.count)
      var indices = [Int32](repeating: 0, count: keys.count)
      for (position, key) in keys.enumerated() {
        guard let index = lookup[key] else {
          throw WeightingError.categoryNotInPopulation(
            margin: name,
            category: MarginNames.category(PackedCodes.codes(key, count: variables.count), of: variables, in: wave),
            respondents: keys.filter { $0 == key }.count)
        }
        respondents[Int(index)] += 1
        indices[position] = index
      }
      let categoryNames = cells.map { cell in
        MarginNames.category(cell.codes, of: variables, in: wave)
          + (merged[cell.codes].map { " (with \($0.joined(separator: ", ")))" } ?? "")
      }
      let setAsideCounts =
        spec.missing == .quarantine ? setAsideKeys.reduce(into: [:]) { $0[$1, default: 0] += 1 } : [:]
      let setAside = cellKeys.map { setAsideCounts[$0, default: 0] }
      try CalibrationPrecheck.categories(
        margin: name, totals: cells.map(\.total), respondents: respondents, setAside: setAside, names: categoryNames)
      categoryCounts.append(cells.count)
      rowCategories.append(indices)
      targets.append(cells.map(\.total))
      names.margins.append(name)
      names.categories.append(categoryNames)
      codesAndLabels.append(cells.map { (Self.label($0.codes), MarginNames.label($0.codes, of: variables, in: wave)) })
    }
    let populationTotal = targets[0].reduce(0, +)
    for (margin, totals) in targets.enumerated() {
      let total = totals.reduce(0, +)
      // Finite totals can still add up to infinity.
      guard total.isFinite else {
        throw WeightingError.invalidPopulationTotal(
          margin: names.margins[margin], category: "all", respondents: rows.count, total: total)
      }
      if abs(total - populationTotal) > PopulationMargins.totalTolerance * populationTotal {
        throw WeightingError.inconsistentMarginTotals(
          margin: names.margins[margin], total: total, expected: populationTotal)
      }
    }
    let start =
      try sample.weights.map(WeightColumn.init)
      ?? startWeights(wave, rows: rows, populationTotal: populationTotal, spec: spec)
    let combinations = CalibrationCells.combinations(categoryCounts)
    guard combinations <= CalibrationCells.maxCombinations else { throw WeightingError.tooManyCells(combinations) }
    let cells = CalibrationCells(categoryCounts: categoryCounts, rowCategories: rowCategories, startWeights: start)
    rowCategories = []  // the cells hold what is needed; free ten million rows' indices now
    let counts = cells.marginTotals(cells.respondents.map(Double.init))
    var boundsRescaling: Double?
    if let bounds = spec.bounds, spec.method != .postStratification {
      let scale = CalibrationPrecheck.startScale(cells, targets: targets)
      if scale != 1 { boundsRescaling = scale }
      try CalibrationPrecheck.bounds(
        bounds, startTotals: cells.marginTotals(cells.startTotals.map { $0 * scale }), targets: targets,
        respondents: counts.map { $0.map { Int($0) } }, names: names)
    }
    let adjustment: [Double]
    let iterations: Int
    var method = spec.method == .postStratification ? spec.method.rawValue : spec.calibrationDistance.name
    switch spec.method {
    case .postStratification:
      (adjustment, iterations) = (PostStratifier.adjustments(cells, targets: targets[0]), 1)
    case .raking, .calibration:
      let calibrator = Calibrator(
        distance: spec.calibrationDistance, tolerance: spec.tolerance, maxIterations: spec.maxIterations)
      (adjustment, iterations, method) = try calibrator.calibrate(cells, targets: targets, names: names)
    }
    var final = rows.indices.map { start[$0] * adjustment[Int(cells.cellOfRow[$0])] }
    // Linear calibration's weights may be 0 or negative (counted in the diagnostics), never infinite.
    let signed = spec.method != .postStratification && spec.calibrationDistance.allowsNonPositive
    if let invalid = final.firstIndex(where: { !((signed || $0 > 0) && $0.isFinite) }) {
      throw WeightingError.invalidFinalWeight(line: Int(wave.sourceLines[rows[invalid]]), weight: final[invalid])
    }
    let trimming = try spec.trim.map { try $0.trim(&final) }
    let achieved = cells.marginTotals(cells.totals(of: final))
    var marginCells: [WeightingDiagnostics.MarginCell] = []
    for margin in names.margins.indices {
      for category in names.categories[margin].indices {
        marginCells.append(
          WeightingDiagnostics.MarginCell(
            margin: names.margins[margin], category: codesAndLabels[margin][category].code,
            label: codesAndLabels[margin][category].label,
            respondents: Int(counts[margin][category]), target: targets[margin][category],
            achieved: achieved[margin][category]))
      }
    }
    var diagnostics = WeightingDiagnostics(
      method: method, weights: final, populationTotal: populationTotal, iterations: iterations,
      margins: marginCells, collapsed: collapsed, imputed: imputed)
    diagnostics.trimming = trimming
    diagnostics.design = design.map { _ in DesignSummary(sample) }
    diagnostics.boundsRescaling = boundsRescaling
    return WeightedWave(
      clean: wave, rows: rows, startWeights: start, finalWeights: final, diagnostics: diagnostics,
      quarantined: quarantined, calibration: cells, adjustments: adjustment, design: sample)
  }

  /// Applies the spec's policy to rows with a blank or « Ne sait pas » weighting variable:
  /// the rows weighted, those set aside, and how many were imputed.
  private func handleMissing(_ blankMargin: [Int: String], wave: CleanWave, spec: WeightingSpec) -> (
    rows: WeightedRows, quarantined: [QuarantinedRow], imputed: Int
  ) {
    guard !blankMargin.isEmpty else { return (WeightedRows(all: wave.rowsClean), [], 0) }
    switch spec.missing {
    case .imputeMode:
      return (WeightedRows(all: wave.rowsClean), [], blankMargin.count)
    case .quarantine:
      let identifier = wave.variables.firstIndex { $0.kind == .identifier }.map { wave.table.columns[$0] }
      let quarantined = blankMargin.keys.sorted().map { row in
        var set = QuarantinedRow(
          file: wave.file, line: Int(wave.sourceLines[row]), lineCount: 1, rule: "weight.missing-margin",
          message: "weighting variable \(blankMargin[row]!) is blank or « Ne sait pas »", wave: wave.wave,
          respondentID: identifier?.text(at: row))
        set.variable = blankMargin[row]
        return set
      }
      return (WeightedRows((0..<wave.rowsClean).filter { blankMargin[$0] == nil }), quarantined, 0)
    }
  }

  /// `equal` gives every respondent N / n, so that g = final / starting weight is the adjustment
  /// to the population scale that bounds are meant for.
  private func startWeights(_ wave: CleanWave, rows: WeightedRows, populationTotal: Double, spec: WeightingSpec)
    throws -> WeightColumn
  {
    switch spec.start {
    case .equal:
      return WeightColumn(constant: populationTotal / Double(rows.count), count: rows.count)
    case .column(let name):
      return try WeightColumn.positive(name, in: wave, rows: rows)
    }
  }

  /// Gives the keys of a collapsed category its neighbour's; returns how many moved.
  @discardableResult
  private static func merge(_ rule: WeightingSpec.Collapse, keys: inout [Int]) -> Int {
    guard let from = PackedCodes.key(rule.category), let to = PackedCodes.key(rule.into) else { return 0 }
    var moved = 0
    for index in keys.indices where keys[index] == from {
      keys[index] = to
      moved += 1
    }
    return moved
  }

  /// Moves a category's respondents and population total into its neighbour; says what it did.
  private static func collapse(_ rule: WeightingSpec.Collapse, cells: inout [PopulationMargins.Cell], keys: inout [Int])
    -> String
  {
    let moved = merge(rule, keys: &keys)
    let total = cells.first { $0.codes == rule.category }?.total ?? 0
    cells.removeAll { $0.codes == rule.category }
    if let target = cells.firstIndex(where: { $0.codes == rule.into }) {
      cells[target].total += total
    }
    return "\(rule.margin): \(label(rule.category)) merged into \(label(rule.into)) "
      + "(\(moved) respondent(s), population \(Format.number(total)))"
  }

  static func label(_ codes: [Int]) -> String { codes.map(String.init).joined(separator: "*") }
}
