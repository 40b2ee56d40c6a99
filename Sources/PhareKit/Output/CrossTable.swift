/// A cross-table as the PHARE reports print it, read from the indicators (nothing is re-estimated):
/// the answers (then nets) in rows, Ensemble then each level of the listed breakdowns in columns,
/// weighted column percentages (means for scores) marked when significantly above or below Ensemble.
struct CrossTable {
  struct Column: Equatable {
    var breakdown: String
    var value: String
    var label: String
  }

  enum Cell {
    /// No respondent of the column answered (an empty indicator, or none).
    case none
    /// Below the suppression base: published blank, with a marker.
    case suppressed
    /// A percentage or a mean, with `H` / `B` when significantly above / below Ensemble.
    case value(Double, letter: String)
  }

  struct Row {
    var label: String
    var isMean: Bool
    var cells: [Cell]
  }

  var title: String
  /// The breakdowns' labels and how many columns each spans, after the Ensemble column.
  var groups: [(label: String, count: Int)]
  var columns: [Column]
  var rows: [Row]
  /// Unweighted respondents of the table's variable in each column.
  var bases: [Int]
  var level: Double
  var suppressBelow: Int

  /// The table of `spec` from one wave's indicators. `items` are the analysed columns of the
  /// table's variable (itself, or the items of a multiple-response set), `variableLabel` its
  /// label, `breakdownLabels` the label of each of `spec.columns`.
  init(
    _ spec: CrossTableSpec, indicators: [Indicator], items: [String], variableLabel: String,
    breakdownLabels: [String], level: Double, suppressBelow: Int
  ) {
    title = spec.title ?? variableLabel
    self.level = level
    self.suppressBelow = suppressBelow
    var columns = [Column(breakdown: "national", value: "", label: "Ensemble")]
    groups = []
    for (breakdown, label) in zip(spec.columns, breakdownLabels) {
      var levels: [Column] = []
      for indicator in indicators where indicator.breakdown == breakdown {
        let column = Column(breakdown: breakdown, value: indicator.breakdownValue, label: indicator.breakdownLabel)
        if !levels.contains(column) { levels.append(column) }
      }
      if !levels.isEmpty { groups.append((label, levels.count)) }
      columns += levels
    }
    var byKey: [String: Indicator] = [:]
    for indicator in indicators where indicator.statistic != .total {
      byKey[Self.key(indicator.variable, indicator.category, indicator.breakdown, indicator.breakdownValue)] = indicator
    }
    func row(_ label: String, _ template: Indicator) -> Row {
      let isMean = template.statistic == .mean
      return Row(
        label: label, isMean: isMean,
        cells: columns.map { column in
          guard let indicator = byKey[Self.key(template.variable, template.category, column.breakdown, column.value)]
          else { return .none }
          if indicator.isEmpty { return .none }
          if indicator.isSuppressed { return .suppressed }
          let letter =
            indicator.flags.contains("above-national") ? "H" : indicator.flags.contains("below-national") ? "B" : ""
          return .value(isMean ? indicator.estimate : 100 * indicator.estimate, letter: letter)
        })
    }
    let national = indicators.filter { $0.breakdown == "national" && $0.statistic != .total }
    var rows: [Row] = []
    for item in items {
      for indicator in national where indicator.variable == item {
        let label =
          indicator.statistic == .mean
          ? "Moyenne"
          : item == spec.variable ? indicator.categoryLabel : Self.itemLabel(indicator.variableLabel, of: variableLabel)
        rows.append(row(label, indicator))
      }
    }
    for net in spec.nets {
      if let indicator = national.first(where: { $0.variable == net && $0.category == "1" }) {
        rows.append(row(indicator.variableLabel, indicator))
      }
    }
    self.rows = rows
    self.columns = columns
    bases = columns.map { column in
      items.lazy.compactMap { item in
        indicators.first {
          $0.variable == item && $0.breakdown == column.breakdown && $0.breakdownValue == column.value
        }
      }.first?.respondents ?? 0
    }
  }

  private static func key(_ variable: String, _ category: String, _ breakdown: String, _ value: String) -> String {
    [variable, category, breakdown, value].joined(separator: "\u{1F}")
  }

  /// An item's own label: the set's label and « : » are dropped from « Set : Item ».
  private static func itemLabel(_ label: String, of setLabel: String) -> String {
    label.hasPrefix(setLabel + " : ") ? String(label.dropFirst(setLabel.count + 3)) : label
  }
}

extension CrossTable {
  /// The table of `spec` from a wave's indicators, labelled from the wave's variables and the codebook.
  init(_ spec: CrossTableSpec, indicators: [Indicator], wave: CleanWave, pipeline: Pipeline) {
    func label(_ name: String) -> String {
      pipeline.codebook[name]?.label ?? wave.variable(named: name)?.label ?? name
    }
    let estimate = pipeline.spec.estimate
    self.init(
      spec, indicators: indicators,
      items: wave.variables.filter { $0.name == spec.variable || $0.origin == spec.variable }.map(\.name),
      variableLabel: label(spec.variable),
      breakdownLabels: spec.columns.map { $0.split(separator: "*").map { label(String($0)) }.joined(separator: " × ") },
      level: estimate?.level ?? EstimationSpec.defaultLevel,
      suppressBelow: estimate?.suppressBelow ?? EstimationSpec.defaultSuppressBelow)
  }
}
