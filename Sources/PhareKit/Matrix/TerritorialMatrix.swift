/// The territorial matrix of one wave: for the nation and each level of the breakdown, each
/// domain and each measure, the indicator the measure's pipeline estimated there. A mart built
/// from the pipelines' indicators: nothing is re-estimated.
public struct TerritorialMatrix: Sendable {
  public let spec: MatrixSpec
  public let wave: String
  public let domains: [FragilityDomain]
  /// Rows (national first, then the breakdown's levels) × domains × measures, in that order.
  public let cells: [MatrixCell]
  /// Measures that found nothing in this wave, or found two variables for one domain.
  public let problems: [String]
  /// The pipelines (spec paths) that have not delivered the wave: their measures' cells are blank
  /// and flagged `actor-wave-missing`, which is not a problem (the matrix is rebuilt when they do).
  public let missingPipelines: [String]

  /// Builds the matrix of `wave` from each pipeline's indicators of that wave (keyed by spec path;
  /// a pipeline absent from `indicators` has not delivered the wave). `notAsked` gives, per
  /// pipeline, the variables its codebook says the wave does not ask, with the domain each
  /// measures: a measure's cells of those domains are blank and flagged `not-asked`, and a measure
  /// whose every variable was not asked is no problem.
  public init(
    spec: MatrixSpec, wave: String, domains: [FragilityDomain], indicators: [String: [Indicator]],
    notAsked: [String: [String: String]] = [:]
  ) {
    self.spec = spec
    self.wave = wave
    self.domains = domains
    var problems: [String] = []
    var chosen: [String: [String: Indicator]] = [:]
    var rows: [(value: String, label: String)] = [("", "Ensemble")]
    var notAskedDomains: [String: Set<String>] = [:]
    for measure in spec.measures {
      guard let found = indicators[measure.pipeline] else { continue }
      let selected = found.filter { measure.selects($0, breakdown: spec.breakdown) }
      let unasked = (notAsked[measure.pipeline] ?? [:]).filter { measure.matches(variable: $0.key) }
      notAskedDomains[measure.id] = Set(unasked.values)
      if selected.isEmpty && unasked.isEmpty {
        problems.append(
          "measure '\(measure.id)': no indicator of \(measure.pipeline) matches '\(measure.variables)' with a domain")
      }
      for indicator in selected {
        let key = Self.key(indicator.breakdownValue, indicator.domain)
        if let other = chosen[measure.id]?[key], other.variable != indicator.variable {
          problems.append(
            "measure '\(measure.id)': \(other.variable) and \(indicator.variable) both measure domain \(indicator.domain)"
          )
        }
        chosen[measure.id, default: [:]][key] = indicator
        if indicator.breakdown != "national" && !rows.contains(where: { $0.value == indicator.breakdownValue }) {
          rows.append((indicator.breakdownValue, indicator.breakdownLabel))
        }
      }
    }
    let levels = rows.dropFirst().sorted { $0.value < $1.value }
    cells = ([rows[0]] + levels).flatMap { row in
      domains.flatMap { domain in
        spec.measures.map { measure in
          MatrixCell(
            rowValue: row.value, rowLabel: row.label, domain: domain, measure: measure,
            indicator: chosen[measure.id]?[Self.key(row.value, domain.id)],
            actorWaveMissing: indicators[measure.pipeline] == nil,
            notAsked: notAskedDomains[measure.id]?.contains(domain.id) ?? false)
        }
      }
    }
    self.problems = problems
    missingPipelines = spec.pipelines.filter { indicators[$0] == nil }
  }

  private static func key(_ row: String, _ domain: String) -> String { row + "|" + domain }
}
