import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// The dashboard feed of a small citizens' pipeline: valid against the committed schema, ids,
/// units, regions, domains and suppressed values as documented, the same bytes on every run.
@Suite struct FeedTests {
  private static let codebook = """
    variables:
      id: {type: identifier}
      region:
        type: single
        label: Région
        values: {1: Guadeloupe, 11: Île-de-France, 84: Auvergne-Rhône-Alpes}
      s01: {type: scale, label: Importance de l'emploi, range: [0, 10], domain: emploi}
      q: {type: single, label: Pauvreté en hausse, values: {1: Oui, 2: Non}, domain: pauvrete}

    """

  private static let spec = """
    survey: citoyens-test
    title: Citoyens (test)
    actor: citoyens
    inputs: {folder: waves, wave: {file_name: "w(\\\\d{4})"}}
    codebook: codebook.yml
    domains: domaines.csv
    populations: population.csv
    weight: {method: post-stratification, margins: [region]}
    estimate:
      variables: [s01, q]
      totals: [q]
      breakdowns: [region]
      min_base: {flag: 5, suppress: 3}

    """

  private static let wave = """
    id,region,s01,q
    c1,1,7,1
    c2,1,5,2
    c3,11,9,1
    c4,11,6,1
    c5,11,8,2
    c6,11,4,1
    c7,11,10,2
    c8,84,3,2
    c9,84,6,1
    c10,84,7,2
    c11,84,5,2
    c12,84,2,1

    """

  /// The pipeline run through estimation, and its feed written at a fixed time.
  private static func feed(at date: Date = Date(timeIntervalSince1970: 1_750_000_000)) throws -> (
    Feed, [Indicator]
  ) {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("codebook.yml", codebook)
    try folder.write("domaines.csv", "code,id,label\n1,emploi,Emploi\n4,pauvrete,Pauvreté\n14,sante,Santé\n")
    try folder.write("population.csv", "variable,category,total\nregion,1,100\nregion,11,500\nregion,84,400\n")
    try folder.write("waves/w2025.csv", wave)
    let pipeline = try Pipeline.load(try folder.write("pipeline.yml", spec))
    let result = try PipelineRunner(pipeline: pipeline).run(through: .estimate)[0]
    let indicators = try #require(result.indicators, "\(result.problem ?? "")")
    return (Feed(pipeline: pipeline, wave: "2025", indicators: indicators, generatedAt: date), indicators)
  }

  @Test func theFeedIsValidAgainstTheCommittedSchema() throws {
    let json = try Self.feed().0.json()
    #expect(try JSONSchemaValidator.feed().errors(JSONValue.parse(json)) == [])
  }

  @Test func theSchemaAcceptsTheFeedsMajorVersion() throws {
    let schema = try JSONValue.load(Fixtures.tests + "/../Schemas/feed.schema.json")
    let major = try #require(Feed.schemaVersion.split(separator: ".").first)
    #expect(schema["properties"]?["schema_version"]?["pattern"] == .string("^\(major)\\.[0-9]+\\.[0-9]+$"))
  }

  @Test func headerRegionsAndDomainsComeFromTheSpecCodebookAndDomainsFile() throws {
    let feed = try JSONValue.parse(try Self.feed().0.json())
    #expect(feed["generated_at"] == .string("2025-06-15T15:06:40Z"))
    #expect(feed["schema_version"] == .string("2.1.0"))
    #expect(feed["phare_version"] == .string(PhareVersion.current))
    #expect(feed["pipeline"] == .string("pipeline.yml"))
    #expect(feed["survey"] == .string("citoyens-test"))
    #expect(feed["actor"] == .string("citoyens"))
    #expect(feed["wave"] == .string("2025"))
    #expect(feed["title"] == .string("Citoyens (test)"))
    #expect(feed["confidence_level"] == .number(0.95))
    #expect(
      feed["regions"]
        == .array([
          .object(["id": .string("01"), "label": .string("Guadeloupe")]),
          .object(["id": .string("11"), "label": .string("Île-de-France")]),
          .object(["id": .string("84"), "label": .string("Auvergne-Rhône-Alpes")]),
        ]))
    #expect(
      feed["domains"]
        == .array([
          .object(["code": .number(1), "id": .string("emploi"), "label": .string("Emploi")]),
          .object(["code": .number(4), "id": .string("pauvrete"), "label": .string("Pauvreté")]),
          .object(["code": .number(14), "id": .string("sante"), "label": .string("Santé")]),
        ]))
  }

  @Test func indicatorsHaveStableIdsUnitsAndDomainsAndProportionsFromZeroToOne() throws {
    let (feed, indicators) = try Self.feed()
    #expect(
      feed.indicators.map(\.id) == [
        "citoyens.s01.mean", "citoyens.q.1.proportion", "citoyens.q.1.total", "citoyens.q.2.proportion",
        "citoyens.q.2.total",
      ])
    #expect(feed.indicators.map(\.unit) == ["score", "proportion", "count", "proportion", "count"])
    #expect(feed.indicators.map(\.domain) == ["emploi", "pauvrete", "pauvrete", "pauvrete", "pauvrete"])
    #expect(feed.indicators.map(\.category) == [nil, "1", "1", "2", "2"])
    #expect(feed.indicators.allSatisfy { $0.values.map(\.breakdownValue) == [nil, "01", "11", "84"] })
    let json = try JSONValue.parse(try feed.json())
    guard case .array(let entries)? = json["indicators"], case .array(let values)? = entries[1]["values"] else {
      Issue.record("no indicators in the feed")
      return
    }
    let proportion = indicators.filter { $0.variable == "q" && $0.category == "1" && $0.statistic == .proportion }
    #expect(proportion.count == 4)
    for (value, indicator) in zip(values, proportion) where !indicator.isSuppressed {
      // The same numbers as indicators.csv (0-1), the percent for display only.
      #expect(value["estimate"] == .number(indicator.estimate))
      #expect(value["percent"] == .number(100 * indicator.estimate))
      #expect(value["se"] == .number(indicator.standardError))
      #expect(value["ci_lower"] == .number(indicator.lower))
      #expect(value["ci_upper"] == .number(indicator.upper))
      #expect(value["n"] == .number(Double(indicator.respondents)))
      #expect(value["weighted_n"] == .number(indicator.weightedTotal))
    }
    let guadeloupe = values[1]
    #expect(guadeloupe["breakdown"] == .string("region"))
    #expect(guadeloupe["breakdown_value"] == .string("01"))
    #expect(guadeloupe["breakdown_label"] == .string("Guadeloupe"))
    #expect(guadeloupe["n"] == .number(2))
    // Its population (100), up to the rounding of N / n starting weights times their adjustment.
    guard case .number(let weightedN)? = guadeloupe["weighted_n"] else {
      Issue.record("no weighted n")
      return
    }
    #expect(abs(weightedN - 100) <= 1e-12 * 100)
    #expect(guadeloupe["flags"] == .array([.string("low-base"), .string("suppressed")]))
    for key in ["estimate", "percent", "se", "ci_lower", "ci_upper"] {
      #expect(guadeloupe[key] == .null)
    }
    let mean = indicators.first { $0.variable == "s01" && $0.breakdown == "national" }
    #expect(feed.indicators[0].values[0].estimate == mean?.estimate)
    // A mean has no display percent.
    #expect(feed.indicators[0].values[0].percent == nil)
  }

  @Test func keysAreSortedAndOnlyGeneratedAtChangesBetweenRuns() throws {
    let first = try Self.feed().0.json()
    let again = try Self.feed().0.json()
    let later = try Self.feed(at: Date(timeIntervalSince1970: 1_760_000_000)).0.json()
    #expect(first == again)
    let lines = first.split(separator: "\n")
    let changed = zip(lines, later.split(separator: "\n")).filter { $0.0 != $0.1 }
    #expect(changed.map(\.0) == ["  \"generated_at\" : \"2025-06-15T15:06:40Z\","])
    let topLevel = lines.filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
    #expect(topLevel.count == 13)
    #expect(topLevel == topLevel.sorted())
    #expect(try JSONSchemaValidator.feed().errors(JSONValue.parse(later)) == [])
  }
}
