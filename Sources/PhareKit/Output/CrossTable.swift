/// A cross-table as market-research tables print it, read from the indicators and the column tests
/// (nothing is re-estimated): the answers (then nets) in rows — or, for a grid, each variable of a
/// battery — Ensemble then each level of the listed breakdowns in columns, each banner column with
/// a letter; weighted column percentages (means for scores) marked H / B when significantly above
/// or below Ensemble, with the letters of the columns of the same breakdown they are significantly
/// above, a low-base marker where the base is below `min_base.flag` (not tested), unweighted and
/// weighted bases.
struct CrossTable {
  struct Column: Equatable {
    var breakdown: String
    var value: String
    var label: String
    /// The column's letter within its breakdown (`A`, `B`…, `AA` after `Z`); empty for Ensemble.
    var letter: String
  }

  /// What is said of a cell besides its value.
  enum Mark: String {
    /// Significantly above / below Ensemble.
    case above = "H"
    case below = "B"
    /// Fewer respondents than `min_base.flag`: read with caution, not tested.
    case lowBase = "!"
  }

  enum Cell: Equatable {
    /// No respondent of the column answered (an empty indicator, or none).
    case none
    /// Below the suppression base: published blank, with a marker.
    case suppressed
    /// A proportion (0–1) or a mean, its mark, and the letters of the columns of its breakdown
    /// it is significantly above.
    case value(Double, mark: Mark?, letters: [String])
  }

  struct Row {
    var label: String
    var isMean: Bool
    var cells: [Cell]
    /// Unweighted respondents and their weighted total in each column.
    var bases: [Int]
    var weightedBases: [Double]

    /// A value as the tables print it: a proportion as a percentage with one decimal, a mean
    /// with two.
    func displayed(_ value: Double) -> (number: Double, decimals: Int) {
      isMean ? (value, 2) : (100 * value, 1)
    }
  }

  var title: String
  /// The breakdowns' labels and how many columns each spans, after the Ensemble column.
  var groups: [(label: String, count: Int)]
  var columns: [Column]
  var rows: [Row]
  var level: Double
  var flagBelow: Int
  var suppressBelow: Int
  var correction: PValueCorrection
  /// Whether the rows are several variables (a battery), whose bases may differ.
  var isGrid: Bool

  /// The table of `spec` from one wave's indicators and column tests. `items` lists, per variable
  /// of the table, its analysed columns (itself, or the items of a multiple-response set);
  /// `variableLabels` their labels; `breakdownLabels` the label of each of `spec.columns`.
  init(
    _ spec: CrossTableSpec, estimates: Estimates, items: [[String]], variableLabels: [String],
    breakdownLabels: [String], estimation: EstimationSpec
  ) {
    title = spec.title ?? variableLabels.first ?? ""
    level = estimation.level
    flagBelow = estimation.flagBelow
    suppressBelow = estimation.suppressBelow
    correction = estimation.correction
    isGrid = spec.variables.count > 1
    let indicators = estimates.indicators
    var columns = [Column(breakdown: "national", value: "", label: "Ensemble", letter: "")]
    groups = []
    for (breakdown, label) in zip(spec.columns, breakdownLabels) {
      var levels: [Column] = []
      for indicator in indicators where indicator.breakdown == breakdown {
        if !levels.contains(where: { $0.value == indicator.breakdownValue }) {
          levels.append(
            Column(
              breakdown: breakdown, value: indicator.breakdownValue, label: indicator.breakdownLabel,
              letter: Self.letter(levels.count)))
        }
      }
      if !levels.isEmpty { groups.append((label, levels.count)) }
      columns += levels
    }
    self.columns = columns
    var byKey: [String: Indicator] = [:]
    for indicator in indicators where indicator.statistic != .total {
      byKey[Self.key(indicator.variable, indicator.category, indicator.breakdown, indicator.breakdownValue)] = indicator
    }
    var above: [String: [String]] = [:]
    for test in estimates.comparisons where test.isSignificant {
      let (higher, lower) = test.difference > 0 ? (test.first, test.second) : (test.second, test.first)
      above[Self.key(test.variable, test.category, test.breakdown, higher), default: []].append(lower)
    }
    let flagBelow = flagBelow
    func row(_ label: String, _ template: Indicator) -> Row {
      let found = columns.map { byKey[Self.key(template.variable, template.category, $0.breakdown, $0.value)] }
      let cells = zip(columns, found).map { column, indicator -> Cell in
        guard let indicator, !indicator.isEmpty else { return .none }
        if indicator.isSuppressed { return .suppressed }
        if indicator.respondents < flagBelow { return .value(indicator.estimate, mark: .lowBase, letters: []) }
        let mark: Mark? =
          indicator.flags.contains("above-national")
          ? .above : indicator.flags.contains("below-national") ? .below : nil
        let key = Self.key(template.variable, template.category, column.breakdown, column.value)
        let letters = columns.filter { $0.breakdown == column.breakdown && above[key]?.contains($0.value) == true }
        return .value(indicator.estimate, mark: mark, letters: letters.map(\.letter))
      }
      return Row(
        label: label, isMean: template.statistic == .mean, cells: cells,
        bases: found.map { $0?.respondents ?? 0 }, weightedBases: found.map { $0?.weightedTotal ?? 0 })
    }
    let national = indicators.filter { $0.breakdown == "national" && $0.statistic != .total }
    let isGrid = isGrid
    // A grid's rows are named by their domains unless two would then share a name (two
    // batteries on the same domains): then by their own labels.
    func labelledRows(byDomain: Bool) -> [Row] {
      var rows: [Row] = []
      for (variable, (variableItems, variableLabel)) in zip(spec.variables, zip(items, variableLabels)) {
        for item in variableItems {
          let itemIndicators = national.filter { $0.variable == item }
          for indicator in itemIndicators {
            let label = Self.rowLabel(
              indicator, isItem: item != variable, variableLabel: variableLabel, isGrid: isGrid,
              isOnlyCategory: itemIndicators.count == 1, byDomain: byDomain)
            rows.append(row(label, indicator))
          }
        }
      }
      return rows
    }
    var rows = labelledRows(byDomain: true)
    if isGrid && Set(rows.map(\.label)).count < rows.count { rows = labelledRows(byDomain: false) }
    for net in spec.nets {
      if let indicator = national.first(where: { $0.variable == net && $0.category == "1" }) {
        rows.append(row(indicator.variableLabel, indicator))
      }
    }
    self.rows = rows
  }

  /// The unweighted and weighted bases of each column: a variable's (all its rows share them), or
  /// for a grid, whose variables' bases differ, the smallest of its rows'.
  var bases: (unweighted: [Int], weighted: [Double]) {
    guard let first = rows.first else { return (columns.map { _ in 0 }, columns.map { _ in 0 }) }
    guard isGrid else { return (first.bases, first.weightedBases) }
    return (
      columns.indices.map { column in rows.map { $0.bases[column] }.min() ?? 0 },
      columns.indices.map { column in rows.map { $0.weightedBases[column] }.min() ?? 0 }
    )
  }

  /// The labels of the two base rows: « Base », or for a grid « Base minimale des lignes ».
  var baseLabels: (unweighted: String, weighted: String) {
    let kind = isGrid ? "Base minimale des lignes" : "Base"
    return ("\(kind) (effectifs non pondérés)", "\(kind) (effectifs pondérés)")
  }

  /// `A`…`Z`, then `AA`, `AB`…: the letter of the `index`-th column of a breakdown.
  static func letter(_ index: Int) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return index < 26 ? String(alphabet[index]) : letter(index / 26 - 1) + String(alphabet[index % 26])
  }

  private static func key(_ variable: String, _ category: String, _ breakdown: String, _ value: String) -> String {
    [variable, category, breakdown, value].joined(separator: "\u{1F}")
  }

  /// A row's label: « Moyenne » or the answer for a single variable; an item's own label in a
  /// multiple-response set; in a grid, the variable's domain `byDomain` (else its label, an item's
  /// with its set's), with the answer when it has several.
  private static func rowLabel(
    _ indicator: Indicator, isItem: Bool, variableLabel: String, isGrid: Bool, isOnlyCategory: Bool, byDomain: Bool
  ) -> String {
    let own = isItem ? itemLabel(indicator.variableLabel, of: variableLabel) : variableLabel
    guard isGrid else {
      return isItem ? own : indicator.statistic == .mean ? "Moyenne" : indicator.categoryLabel
    }
    let name =
      !byDomain ? indicator.variableLabel : indicator.domainLabel.isEmpty || isItem ? own : indicator.domainLabel
    return isOnlyCategory ? name : name + " : " + indicator.categoryLabel
  }

  /// An item's own label: the set's label and « : » are dropped from « Set : Item ».
  private static func itemLabel(_ label: String, of setLabel: String) -> String {
    label.hasPrefix(setLabel + " : ") ? String(label.dropFirst(setLabel.count + 3)) : label
  }
}

extension CrossTable {
  /// The table of `spec` from a wave's estimates, labelled from the wave's variables and the
  /// codebook; the variables the wave does not ask have no row.
  init(_ spec: CrossTableSpec, estimates: Estimates, wave: CleanWave, pipeline: Pipeline, estimation: EstimationSpec) {
    func label(_ name: String) -> String {
      pipeline.codebook[name]?.label ?? wave.variable(named: name)?.label ?? name
    }
    self.init(
      spec, estimates: estimates,
      items: spec.variables.map { variable in
        wave.notAsked.contains(variable)
          ? [] : wave.variables.filter { $0.name == variable || $0.origin == variable }.map(\.name)
      },
      variableLabels: spec.variables.map(label),
      breakdownLabels: spec.columns.map { $0.split(separator: "*").map { label(String($0)) }.joined(separator: " × ") },
      estimation: estimation)
  }

  /// The tables of the pipeline's `estimate.tables` that ask something in `wave`, by name.
  static func tables(of wave: CleanWave, estimates: Estimates, pipeline: Pipeline) -> [(
    name: String, table: CrossTable
  )] {
    guard let estimation = pipeline.spec.estimate else { return [] }
    return estimation.tables.filter { $0.variables.contains { !wave.notAsked.contains($0) } }.map {
      ($0.name, CrossTable($0, estimates: estimates, wave: wave, pipeline: pipeline, estimation: estimation))
    }
  }
}
