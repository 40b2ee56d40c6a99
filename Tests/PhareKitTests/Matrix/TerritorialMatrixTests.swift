import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// The matrix places each actor's indicators by region and domain from their tags, and says
/// which measures found nothing or found two variables for one domain.
@Suite struct TerritorialMatrixTests {
  private let domains = [
    FragilityDomain(code: 1, id: "emploi", label: "Emploi"),
    FragilityDomain(code: 4, id: "pauvrete", label: "Pauvreté"),
  ]

  private func indicator(
    _ variable: String, domain: String, category: String = "", region: String = "", estimate: Double
  ) -> Indicator {
    Indicator(
      actor: "citoyens", domain: domain, domainLabel: "", breakdown: region.isEmpty ? "national" : "region",
      breakdownValue: region, breakdownLabel: region.isEmpty ? "Ensemble" : "Région \(region)", variable: variable,
      variableLabel: variable, category: category, categoryLabel: "", statistic: category.isEmpty ? .mean : .proportion,
      estimate: estimate, standardError: 0.1, lower: estimate - 0.2, upper: estimate + 0.2, intervalMethod: "normal",
      designEffect: 1, respondents: 100, weightedTotal: 1000, effectiveRespondents: 100, coefficientOfVariation: nil,
      degreesOfFreedom: 99, flags: [])
  }

  private func measure(_ id: String, _ pipeline: String, _ variables: String, category: Int? = nil) -> MatrixMeasure {
    MatrixMeasure(id: id, label: id, pipeline: pipeline, variables: variables, category: category, line: nil)
  }

  @Test func cellsComeFromTheDomainTagsOfTheMatchingVariables() throws {
    let spec = MatrixSpec(
      file: "m.yml", name: "t", title: "T", domains: "d.csv", breakdown: "region",
      measures: [
        measure("importance", "c.yml", "importance_*"), measure("coconstruction", "c.yml", "cocons_*", category: 1),
      ])
    let citizens = [
      indicator("importance_01", domain: "emploi", estimate: 7.1),
      indicator("importance_01", domain: "emploi", region: "84", estimate: 6.9),
      indicator("importance_04", domain: "pauvrete", region: "11", estimate: 6.2),
      indicator("cocons_01", domain: "emploi", category: "1", region: "84", estimate: 0.49),
      // Not selected: another category, an untagged variable, another breakdown.
      indicator("cocons_01", domain: "emploi", category: "0", region: "84", estimate: 0.51),
      indicator("importance_moyenne", domain: "", estimate: 6.0),
      {
        var other = indicator("importance_04", domain: "pauvrete", region: "1", estimate: 6.4)
        other.breakdown = "urbain"
        return other
      }(),
    ]
    let matrix = TerritorialMatrix(spec: spec, wave: "2015", domains: domains, indicators: ["c.yml": citizens])
    #expect(matrix.problems == [])
    // National, then regions 11 and 84, sorted; × 2 domains × 2 measures.
    #expect(matrix.cells.count == 3 * 2 * 2)
    #expect(matrix.cells.map(\.rowValue).uniqued() == ["", "11", "84"])
    func estimate(_ row: String, _ domain: String, _ measure: String) -> Double? {
      matrix.cells.first { $0.rowValue == row && $0.domain.id == domain && $0.measure.id == measure }?.indicator?
        .estimate
    }
    #expect(estimate("", "emploi", "importance") == 7.1)
    #expect(estimate("84", "emploi", "importance") == 6.9)
    #expect(estimate("11", "pauvrete", "importance") == 6.2)
    #expect(estimate("84", "emploi", "coconstruction") == 0.49)
    #expect(estimate("11", "emploi", "importance") == nil)
    #expect(estimate("", "emploi", "coconstruction") == nil)
    let csv = matrix.csv().split(separator: "\r\n")
    #expect(csv.count == 1 + 12)
    #expect(csv[0].hasPrefix("wave,breakdown,breakdown_value,breakdown_label,domain_code,domain,"))
    #expect(
      csv.contains(
        "2015,region,84,Région 84,1,emploi,Emploi,coconstruction,coconstruction,citoyens,cocons_01,1,proportion,0.49,0.1,0.29,0.69,100,1000,"
      ))
  }

  @Test func theFeedFollowsItsSchemaWithTheSurveyFeedsUnits() throws {
    let spec = MatrixSpec(
      file: "m.yml", name: "territoires", title: "T", domains: "d.csv", breakdown: "region",
      measures: [measure("importance", "c.yml", "importance_*"), measure("vide", "c.yml", "aucune_*")])
    var suppressed = indicator("importance_04", domain: "pauvrete", region: "84", estimate: 6.2)
    suppressed.flags = ["low-base", "suppressed"]
    let citizens = [
      indicator("importance_01", domain: "emploi", estimate: 7.1),
      indicator("importance_01", domain: "emploi", region: "84", estimate: 6.9), suppressed,
    ]
    let matrix = TerritorialMatrix(spec: spec, wave: "2015", domains: domains, indicators: ["c.yml": citizens])
    let text = try MatrixFeed(matrix, generatedAt: Date(timeIntervalSince1970: 0)).json()
    let feed = try JSONValue.parse(text)
    #expect(try JSONSchemaValidator.matrixFeed().errors(feed) == [])
    #expect(feed["generated_at"] == .string("1970-01-01T00:00:00Z"))
    #expect(feed["regions"] == .array([.object(["id": .string("84"), "label": .string("Région 84")])]))
    guard case .array(let cells)? = feed["cells"], case .array(let measures)? = feed["measures"] else {
      Issue.record("cells and measures are arrays")
      return
    }
    #expect(cells.count == 2 * 2 * 2)
    #expect(measures[1] == .object(["id": .string("vide"), "label": .string("vide"), "actor": .null, "unit": .null]))
    let regional = try #require(cells.first { $0["region"] == .string("84") && $0["domain"] == .string("emploi") })
    #expect(regional["indicator"] == .string("citoyens.importance_01.mean"))
    #expect(regional["value"]?["estimate"] == .number(6.9))
    let hidden = try #require(cells.first { $0["region"] == .string("84") && $0["domain"] == .string("pauvrete") })
    #expect(hidden["value"]?["estimate"] == .null)
    #expect(hidden["value"]?["n"] == .number(100))
    #expect(cells.first { $0["measure"] == .string("vide") }?["value"] == .null)
  }

  @Test func aProportionIsFromZeroToOneInTheFeedAsInMatrixCSVWithItsPercentForDisplay() throws {
    let spec = MatrixSpec(
      file: "m.yml", name: "territoires", title: "T", domains: "d.csv", breakdown: "region",
      measures: [measure("coconstruction", "c.yml", "cocons_*", category: 1)])
    let share = indicator("cocons_01", domain: "emploi", category: "1", region: "84", estimate: 0.49)
    let matrix = TerritorialMatrix(spec: spec, wave: "2015", domains: domains, indicators: ["c.yml": [share]])
    let feed = try JSONValue.parse(try MatrixFeed(matrix, generatedAt: Date(timeIntervalSince1970: 0)).json())
    #expect(try JSONSchemaValidator.matrixFeed().errors(feed) == [])
    #expect(
      feed["measures"]
        == .array([
          .object([
            "id": .string("coconstruction"), "label": .string("coconstruction"), "actor": .string("citoyens"),
            "unit": .string("proportion"),
          ])
        ]))
    guard case .array(let cells)? = feed["cells"] else {
      Issue.record("cells is an array")
      return
    }
    let value = try #require(
      cells.first { $0["region"] == .string("84") && $0["domain"] == .string("emploi") }?["value"])
    let row = try #require(
      CSVText.records(matrix.csv()).first { $0["breakdown_value"] == "84" && $0["domain"] == "emploi" })
    for key in ["estimate", "se", "ci_lower", "ci_upper"] {
      #expect(value[key] == .number(try #require(Double(row[key] ?? ""))), "\(key)")
    }
    #expect(value["estimate"] == .number(0.49) && value["se"] == .number(0.1))
    #expect(value["percent"] == .number(100 * 0.49))
  }

  @Test func theSchemaAcceptsTheMatrixFeedsMajorVersionOnly() throws {
    let major = try #require(MatrixFeed.schemaVersion.split(separator: ".").first)
    #expect(major == "2")
    let spec = MatrixSpec(
      file: "m.yml", name: "territoires", title: "T", domains: "d.csv", breakdown: "region",
      measures: [measure("importance", "c.yml", "importance_*")])
    let matrix = TerritorialMatrix(
      spec: spec, wave: "2015", domains: domains,
      indicators: ["c.yml": [indicator("importance_01", domain: "emploi", estimate: 7.1)]])
    let text = try MatrixFeed(matrix, generatedAt: Date(timeIntervalSince1970: 0)).json()
    let schema = try JSONValue.parse(
      try String(contentsOfFile: Fixtures.repository + "/Schemas/matrix-feed.schema.json", encoding: .utf8))
    let validator = try JSONSchemaValidator(schema: schema)
    for (version, valid) in [("2.0.0", true), ("2.5.1", true), ("1.4.0", false), ("3.0.0", false)] {
      let feed = try JSONValue.parse(
        text.replacingOccurrences(of: "\"\(MatrixFeed.schemaVersion)\"", with: "\"\(version)\""))
      #expect(validator.errors(feed).isEmpty == valid, "\(version)")
    }
    // A key a later 2.x may add is no error for a reader; phare itself emits none (strict).
    let extra = try JSONValue.parse(text.replacingOccurrences(of: "\"title\" :", with: "\"note\" : 1, \"title\" :"))
    #expect(validator.errors(extra) == [])
    #expect(try JSONSchemaValidator.matrixFeed().errors(extra) == ["$: key 'note' is not declared by the schema"])
  }

  @Test func anEmptyRegionHasItsRowsBlankWithBase0AndAValidFeed() throws {
    let spec = MatrixSpec(
      file: "m.yml", name: "territoires", title: "T", domains: "d.csv", breakdown: "region",
      measures: [measure("importance", "c.yml", "importance_*")])
    var empty = indicator("importance_01", domain: "emploi", region: "24", estimate: .nan)
    empty.standardError = .nan
    empty.lower = .nan
    empty.upper = .nan
    empty.respondents = 0
    empty.weightedTotal = 0
    empty.flags = ["low-base", "suppressed", "empty"]
    let citizens = [indicator("importance_01", domain: "emploi", estimate: 7.1), empty]
    let matrix = TerritorialMatrix(spec: spec, wave: "2015", domains: domains, indicators: ["c.yml": citizens])
    #expect(matrix.problems == [])
    #expect(matrix.cells.map(\.rowValue).uniqued() == ["", "24"])
    let csv = matrix.csv().split(separator: "\r\n")
    #expect(
      csv.contains(
        "2015,region,24,Région 24,1,emploi,Emploi,importance,importance,citoyens,importance_01,,mean,,,,,0,0,"
          + "low-base;suppressed;empty"))
    let feed = try JSONValue.parse(try MatrixFeed(matrix, generatedAt: Date(timeIntervalSince1970: 0)).json())
    #expect(try JSONSchemaValidator.matrixFeed().errors(feed) == [])
    guard case .array(let cells)? = feed["cells"] else {
      Issue.record("cells is an array")
      return
    }
    let value = try #require(
      cells.first { $0["region"] == .string("24") && $0["domain"] == .string("emploi") }?["value"])
    #expect(value["n"] == .number(0) && value["weighted_n"] == .number(0))
    #expect(value["estimate"] == .null && value["se"] == .null && value["ci_lower"] == .null)
    #expect(value["flags"] == .array([.string("low-base"), .string("suppressed"), .string("empty")]))
  }

  @Test func emptyMeasuresAndAmbiguousDomainsAreReportedAndAMissingActorWaveIsFlagged() throws {
    let spec = MatrixSpec(
      file: "m.yml", name: "t", title: "T", domains: "d.csv", breakdown: "region",
      measures: [measure("a", "c.yml", "imp_*"), measure("b", "c.yml", "none_*"), measure("c", "absent.yml", "x")])
    let matrix = TerritorialMatrix(
      spec: spec, wave: "2016", domains: domains,
      indicators: [
        "c.yml": [
          indicator("imp_01", domain: "emploi", estimate: 7), indicator("imp_1b", domain: "emploi", estimate: 6),
        ]
      ])
    #expect(
      matrix.problems == [
        "measure 'a': imp_01 and imp_1b both measure domain emploi",
        "measure 'b': no indicator of c.yml matches 'none_*' with a domain",
      ])
    // absent.yml has not delivered wave 2016: not a problem, its cells are blank and flagged.
    #expect(matrix.missingPipelines == ["absent.yml"])
    let missing = matrix.cells.filter { $0.measure.id == "c" }
    #expect(missing.count == 2 && missing.allSatisfy { $0.indicator == nil && $0.flags == ["actor-wave-missing"] })
    #expect(matrix.cells.filter { $0.measure.id != "c" }.allSatisfy { !$0.actorWaveMissing && $0.flags == [] })
    let csv = matrix.csv().split(separator: "\r\n")
    #expect(csv.contains("2016,national,,Ensemble,4,pauvrete,Pauvreté,c,c,,,,,,,,,,,actor-wave-missing"))
    let feed = try JSONValue.parse(try MatrixFeed(matrix, generatedAt: Date(timeIntervalSince1970: 0)).json())
    #expect(try JSONSchemaValidator.matrixFeed().errors(feed) == [])
    guard case .array(let cells)? = feed["cells"] else {
      Issue.record("cells is an array")
      return
    }
    #expect(cells.filter { $0["flags"] == .array([.string("actor-wave-missing")]) }.count == 2)
    #expect(cells.filter { $0["flags"] == .array([]) }.count == 4)
  }
}

extension Array where Element: Hashable {
  /// The elements in order, each once.
  fileprivate func uniqued() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
