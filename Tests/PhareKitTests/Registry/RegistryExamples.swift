import Foundation

@testable import PhareKit

/// Wave records and indicators with every field set to a distinct value, for the registry's round trips.
enum RegistryExamples {
  static let pipeline = "Pipelines/institutions.yml"
  static let survey = "institutions"

  static let weighting = WeightingDiagnostics(
    method: "raking", weights: [60, 120, 120, 270], populationTotal: 570, iterations: 6,
    margins: [
      .init(margin: "urbain", category: "1", respondents: 3, target: 300, achieved: 300),
      .init(margin: "urbain", category: "2", respondents: 1, target: 270, achieved: 270),
    ],
    collapsed: ["region 94 merged into 93"], imputed: 2)

  /// An ok record of `wave`, processed at `second` seconds past 2026-01-01 (registry dates keep milliseconds).
  static func wave(
    _ wave: String, input: String = "aa11", status: WaveStatus = .ok, second: Double = 0, pipeline: String = pipeline
  ) -> WaveRecord {
    WaveRecord(
      pipeline: pipeline, survey: survey, wave: wave, inputFile: "Fixtures/institutions/maires-\(wave).csv",
      inputSHA256: input, specSHA256: "bb22", status: status, problem: status == .failed ? "too many rows" : nil,
      rowsRead: 304, rowsClean: 296, rowsQuarantined: 8, weighting: weighting, outputs: "out/institutions",
      processedAt: Date(timeIntervalSince1970: 1_767_225_600 + second),
      seconds: StageTimings(ingestAndClean: 0.125, weight: 0.015625, estimate: nil))
  }

  /// A national proportion with every optional set, its flags included.
  static let proportion = Indicator(
    actor: "maires", domain: "emploi", domainLabel: "Emploi", breakdown: "region*urbain",
    breakdownValue: "84*1", breakdownLabel: "Auvergne-Rhône-Alpes × Rurale", variable: "q4",
    variableLabel: "Q4. Dynamique", category: "1", categoryLabel: "Oui, tout à fait", statistic: .proportion,
    estimate: 0.2771, standardError: 0.0712, lower: 0.1534, upper: 0.4476, intervalMethod: "logit",
    designEffect: 1.2345, respondents: 39, weightedTotal: 35795.5, effectiveRespondents: 31.6,
    coefficientOfVariation: 0.257, degreesOfFreedom: 37, differenceFromNational: -0.0421,
    differenceFromNationalSE: 0.0333, differenceFromRest: -0.05, differenceFromRestSE: 0.04,
    flags: ["low-base", "below-national"])

  /// A mean with every optional nil, no flag, NaN and infinite numbers.
  static let mean = Indicator(
    actor: "maires", domain: "", domainLabel: "", breakdown: "national", breakdownValue: "", breakdownLabel: "Ensemble",
    variable: "q7", variableLabel: "Q7. Note", category: "", categoryLabel: "", statistic: .mean, estimate: 6.5,
    standardError: .nan, lower: -.infinity, upper: .infinity, intervalMethod: "normal", designEffect: nil,
    respondents: 0, weightedTotal: 0, effectiveRespondents: nil, coefficientOfVariation: nil,
    degreesOfFreedom: -1, differenceFromNational: nil, differenceFromNationalSE: nil, differenceFromRest: nil,
    differenceFromRestSE: nil, flags: [])

  /// A suppressed weighted count.
  static let total = Indicator(
    actor: "maires", domain: "sante", domainLabel: "Santé", breakdown: "urbain", breakdownValue: "2",
    breakdownLabel: "Urbaine", variable: "q2_01", variableLabel: "Q2. Emploi", category: "3", categoryLabel: "Peu",
    statistic: .total, estimate: 1234.5, standardError: 100.25, lower: 1038, upper: 1431, intervalMethod: "normal",
    designEffect: .nan, respondents: 4, weightedTotal: 1234.5, effectiveRespondents: 3.5,
    coefficientOfVariation: 0.0812, degreesOfFreedom: 3, differenceFromNational: nil, differenceFromNationalSE: nil,
    differenceFromRest: nil, differenceFromRestSE: nil, flags: ["low-base", "suppressed"])

  /// Whether two indicator lists are equal, NaN matching NaN in the same field.
  static func same(_ left: [Indicator], _ right: [Indicator]) -> Bool {
    func comparable(_ indicator: Indicator) -> String { "\(indicator)" }
    return left.map(comparable) == right.map(comparable)
  }
}
