import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// What the shipped pipelines (`Pipelines/*.yml`) publish from the bundled fixtures, against R's
/// `survey` on the same clean tables (`Tests/Oracle/pipelines.R`): every respondent's final weight
/// to 1e-9 relative; every golden indicator's estimate to 1e-9 relative (1e-12 absolute near 0), its
/// SE, interval bounds and design effect to 1e-6 relative, its base, weighted base and df.
@Suite struct PipelineOracleTests {
  /// A shipped survey, the wave its goldens were written for, and how many golden rows they hold.
  struct Survey: Sendable, CustomTestStringConvertible {
    var pipeline: String
    var wave: String
    var respondents: Int
    var indicators: Int

    var testDescription: String { "\(pipeline) \(wave)" }

    func golden(_ name: String) -> String { Fixtures.oracle("pipelines/\(pipeline)-\(wave)-\(name).csv") }
  }

  static let surveys = [
    // 16 levels (national, 13 regions, 2 urbain) × 8 proportions (q2_01, q3, 4 of q4, 2 nets).
    Survey(pipeline: "institutions", wave: "2016", respondents: 304, indicators: 128),
    // 16 levels (national, 13 regions, 2 urbain) × (3 means + alliances + coconstruction_01).
    Survey(pipeline: "citoyens", wave: "2015", respondents: 3000, indicators: 80),
    // 21 levels (national, 13 regions, 2 types, 5 zones) × (3 means + 5 proportions).
    Survey(pipeline: "associations", wave: "2015", respondents: 1000, indicators: 168),
    // 16 levels (national, 13 regions, 2 tailles) × (3 means + 5 proportions).
    Survey(pipeline: "entreprises", wave: "2015", respondents: 1000, indicators: 128),
  ]

  /// The golden wave of a shipped pipeline, run in-process through `stage`.
  static func run(_ survey: Survey, through stage: PipelineStage) throws -> WaveResult {
    let shipped = try Pipeline.load(Fixtures.pipelines(survey.pipeline + ".yml"))
    let waves = shipped.waves.filter { $0.wave == survey.wave }
    try #require(waves.count == 1)
    let pipeline = Pipeline(spec: shipped.spec, codebook: shipped.codebook, domains: shipped.domains, waves: waves)
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: stage).first)
    try #require(result.problem == nil, "\(result.problem ?? "")")
    return result
  }

  static func records(_ path: String) throws -> [[String: String]] {
    CSVText.records(try String(contentsOfFile: path, encoding: .utf8))
  }

  /// Within `relative` of the expected value, or `absolute` of it when that is larger.
  static func close(_ actual: Double?, _ expected: String?, relative: Double, absolute: Double = 0) -> Bool {
    guard let actual, let expected = expected.flatMap(Double.init) else { return false }
    return abs(actual - expected) <= max(relative * abs(expected), absolute)
  }

  /// R read the committed clean table: it must still be, byte for byte, what `phare clean` writes
  /// from the fixture, or the goldens are stale (the header of pipelines.R says how to rewrite them).
  @Test(arguments: surveys) func committedCleanTableIsWhatPhareWrites(_ survey: Survey) throws {
    let cleaned = try #require(try Self.run(survey, through: .clean).cleaned)
    let committed = try Data(contentsOf: URL(fileURLWithPath: survey.golden("clean")))
    #expect(
      Data(cleaned.cleanCSV(labels: false).bytes) == committed,
      "\(survey.golden("clean")) is stale: rewrite it and rerun Tests/Oracle/pipelines.R")
  }

  @Test(arguments: surveys) func finalWeightsMatchR(_ survey: Survey) throws {
    let weighted = try #require(try Self.run(survey, through: .weight).weighted)
    let phare = Dictionary(
      uniqueKeysWithValues: CSVText.records(String(decoding: weighted.weightsCSV().bytes, as: UTF8.self)).map {
        ($0["respondent_id"] ?? "", Double($0["final_weight"] ?? "") ?? .nan)
      })
    let golden = try Self.records(survey.golden("weights"))
    #expect(golden.count == survey.respondents)
    #expect(phare.count == golden.count)
    for row in golden {
      let id = try #require(row["id"])
      #expect(
        Self.close(phare[id], row["final"], relative: 1e-9),
        "\(id): phare \(phare[id] ?? .nan), R \(row["final"] ?? "")")
    }
  }

  @Test(arguments: surveys) func indicatorsMatchR(_ survey: Survey) throws {
    let indicators = try #require(try Self.run(survey, through: .estimate).indicators)
    func key(_ fields: [String]) -> String { fields.joined(separator: "|") }
    let phare = Dictionary(grouping: indicators) {
      key([$0.breakdown, $0.breakdownValue, $0.variable, $0.category, $0.statistic.rawValue])
    }
    let golden = try Self.records(Fixtures.oracle("pipelines/estimates.csv")).filter {
      $0["survey"] == survey.pipeline && $0["wave"] == survey.wave
    }
    var compared = 0
    for row in golden {
      let rowKey = key(["breakdown", "value", "variable", "category", "statistic"].map { row[$0] ?? "" })
      guard let found = phare[rowKey], found.count == 1, let indicator = found.first else {
        Issue.record("\(survey.pipeline): \(phare[rowKey]?.count ?? 0) indicators for the golden row \(rowKey)")
        continue
      }
      compared += 1
      #expect(indicator.respondents == Int(row["n"] ?? ""), "n \(rowKey)")
      #expect(indicator.degreesOfFreedom == Double(row["df"] ?? ""), "df \(rowKey)")
      #expect(Self.close(indicator.weightedTotal, row["weighted_n"], relative: 1e-9), "weighted n \(rowKey)")
      #expect(
        Self.close(indicator.estimate, row["estimate"], relative: 1e-9, absolute: 1e-12),
        "estimate \(rowKey): phare \(indicator.estimate), R \(row["estimate"] ?? "")")
      #expect(
        Self.close(indicator.standardError, row["se"], relative: 1e-6),
        "se \(rowKey): phare \(indicator.standardError), R \(row["se"] ?? "")")
      #expect(
        Self.close(indicator.designEffect, row["deff"], relative: 1e-6),
        "deff \(rowKey): phare \(indicator.designEffect ?? .nan), R \(row["deff"] ?? "")")
      #expect(
        Self.close(indicator.lower, row["lower"], relative: 1e-6)
          && Self.close(indicator.upper, row["upper"], relative: 1e-6),
        "CI \(rowKey): phare [\(indicator.lower), \(indicator.upper)], R [\(row["lower"] ?? ""), \(row["upper"] ?? "")]"
      )
      #expect(indicator.intervalMethod == (indicator.statistic == .mean ? "normal" : "logit"), "method \(rowKey)")
    }
    #expect(compared == survey.indicators)
    // And phare publishes no level of these breakdowns, for these variables, that R did not estimate
    // (an empty level, where nobody answered, has no R counterpart: R estimates nothing there).
    let breakdowns = Set(golden.map { $0["breakdown"] ?? "" })
    let variables = Set(golden.map { key([$0["variable"] ?? "", $0["category"] ?? "", $0["statistic"] ?? ""]) })
    let published = indicators.filter {
      !$0.isEmpty && breakdowns.contains($0.breakdown)
        && variables.contains(key([$0.variable, $0.category, $0.statistic.rawValue]))
    }
    #expect(published.count == golden.count)
  }
}
