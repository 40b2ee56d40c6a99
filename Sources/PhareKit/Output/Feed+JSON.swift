import Foundation

/// The feed as JSON: sorted keys, null (never an absent key) where a value is missing, so that
/// reruns write the same bytes except `generated_at`.
extension Feed: Encodable {
  private enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case generatedAt = "generated_at"
    case phareVersion = "phare_version"
    case pipeline, survey, actor, wave, title
    case confidenceLevel = "confidence_level"
    case regions, domains, indicators
    case notAsked = "not_asked"
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.schemaVersion, forKey: .schemaVersion)
    try container.encode(generatedAt.formatted(.iso8601), forKey: .generatedAt)
    try container.encode(PhareVersion.current, forKey: .phareVersion)
    try container.encode(pipeline, forKey: .pipeline)
    try container.encode(survey, forKey: .survey)
    try container.encode(actor, forKey: .actor)
    try container.encode(wave, forKey: .wave)
    try container.encode(title, forKey: .title)
    try container.encode(confidenceLevel, forKey: .confidenceLevel)
    try container.encode(regions, forKey: .regions)
    try container.encode(domains, forKey: .domains)
    try container.encode(indicators, forKey: .indicators)
    try container.encode(notAsked, forKey: .notAsked)
  }

  /// The feed file's text.
  public func json() throws -> String {
    try JSONText.encode(self)
  }
}

extension Feed.Entry: Encodable {
  private enum CodingKeys: String, CodingKey {
    case id, variable
    case variableLabel = "variable_label"
    case category
    case categoryLabel = "category_label"
    case statistic, unit, domain, values
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(variable, forKey: .variable)
    try container.encode(variableLabel, forKey: .variableLabel)
    try container.encodeOrNull(category, forKey: .category)
    try container.encodeOrNull(categoryLabel, forKey: .categoryLabel)
    try container.encode(statistic, forKey: .statistic)
    try container.encode(unit, forKey: .unit)
    try container.encodeOrNull(domain, forKey: .domain)
    try container.encode(values, forKey: .values)
  }
}

extension Feed.Value: Encodable {
  private enum CodingKeys: String, CodingKey {
    case breakdown
    case breakdownValue = "breakdown_value"
    case breakdownLabel = "breakdown_label"
    case estimate, percent
    case standardError = "se"
    case lower = "ci_lower"
    case upper = "ci_upper"
    case respondents = "n"
    case weightedTotal = "weighted_n"
    case flags, series
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(breakdown, forKey: .breakdown)
    try container.encodeOrNull(breakdownValue, forKey: .breakdownValue)
    try container.encode(breakdownLabel, forKey: .breakdownLabel)
    try container.encodeOrNull(estimate, forKey: .estimate)
    try container.encodeOrNull(percent, forKey: .percent)
    try container.encodeOrNull(standardError, forKey: .standardError)
    try container.encodeOrNull(lower, forKey: .lower)
    try container.encodeOrNull(upper, forKey: .upper)
    try container.encode(respondents, forKey: .respondents)
    try container.encode(weightedTotal, forKey: .weightedTotal)
    try container.encode(flags, forKey: .flags)
    try container.encodeOrNull(series, forKey: .series)
  }
}

extension Feed.SeriesPoint: Encodable {
  private enum CodingKeys: String, CodingKey {
    case wave, estimate, percent
    case standardError = "se"
    case lower = "ci_lower"
    case upper = "ci_upper"
    case respondents = "n"
    case flags, change
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(wave, forKey: .wave)
    try container.encodeOrNull(estimate, forKey: .estimate)
    try container.encodeOrNull(percent, forKey: .percent)
    try container.encodeOrNull(standardError, forKey: .standardError)
    try container.encodeOrNull(lower, forKey: .lower)
    try container.encodeOrNull(upper, forKey: .upper)
    try container.encode(respondents, forKey: .respondents)
    try container.encode(flags, forKey: .flags)
    try container.encodeOrNull(change, forKey: .change)
  }
}

extension Feed.Change: Encodable {
  private enum CodingKeys: String, CodingKey {
    case fromWave = "from_wave"
    case difference
    case standardError = "se"
    case lower = "ci_lower"
    case upper = "ci_upper"
    case significant
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(fromWave, forKey: .fromWave)
    try container.encodeOrNull(difference, forKey: .difference)
    try container.encodeOrNull(standardError, forKey: .standardError)
    try container.encodeOrNull(lower, forKey: .lower)
    try container.encodeOrNull(upper, forKey: .upper)
    try container.encodeOrNull(significant, forKey: .significant)
  }
}
