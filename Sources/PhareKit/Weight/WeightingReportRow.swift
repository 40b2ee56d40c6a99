/// One row of the weighting report (`weighting.csv`, the HTML report's weighting table): the
/// whole sample (`margin` `(all)`) or one margin category, its respondents, weighted and target
/// totals, the spread of g = final / starting weight and Kish's design effect of its weights.
struct WeightingReportRow {
  /// `(all)`, or the margin's name (`region`, `sexe*age`).
  var margin: String
  /// The category's codes (`94*1` for a crossing); empty on the `(all)` row.
  var category: String
  /// The codebook labels of its codes; nil when a code has none (and on the `(all)` row).
  var label: String?
  var respondents: Int
  /// Respondents over the whole sample's, 0–1.
  var sampleShare: Double
  /// Σ final weights, and its share of the whole sample's (0–1).
  var weightedTotal: Double
  var weightedShare: Double
  /// The population target, and its share of the population total (0–1).
  var target: Double
  var targetShare: Double
  var spread: WeightSpread
  /// The calibration's iterations, on the `(all)` row only.
  var iterations: Int?
  /// Final weights cut to a trimming bound; nil without trimming.
  var trimmed: Int?
}
