import Foundation

/// The matrix feed as JSON, written as the survey feeds are: sorted keys, explicit nulls.
extension MatrixFeed: Encodable {
  private enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case generatedAt = "generated_at"
    case phareVersion = "phare_version"
    case matrix, title, wave, regions, domains, measures, cells
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.schemaVersion, forKey: .schemaVersion)
    try container.encode(generatedAt.formatted(.iso8601), forKey: .generatedAt)
    try container.encode(PhareVersion.current, forKey: .phareVersion)
    try container.encode(matrix, forKey: .matrix)
    try container.encode(title, forKey: .title)
    try container.encode(wave, forKey: .wave)
    try container.encode(regions, forKey: .regions)
    try container.encode(domains, forKey: .domains)
    try container.encode(measures, forKey: .measures)
    try container.encode(cells, forKey: .cells)
  }

  /// The feed file's text.
  public func json() throws -> String {
    try JSONText.encode(self)
  }
}

extension MatrixFeed.Measure: Encodable {
  private enum CodingKeys: String, CodingKey { case id, label, actor, unit }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(label, forKey: .label)
    try container.encode(actor, forKey: .actor)
    try container.encode(unit, forKey: .unit)
  }
}

extension MatrixFeed.Cell: Encodable {
  private enum CodingKeys: String, CodingKey { case region, domain, measure, indicator, value, flags }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(region, forKey: .region)
    try container.encode(domain, forKey: .domain)
    try container.encode(measure, forKey: .measure)
    try container.encode(indicator, forKey: .indicator)
    try container.encode(value, forKey: .value)
    try container.encode(flags, forKey: .flags)
  }
}
