import ArgumentParser
import PhareKit

/// `phare-bench estimate`: the full indicator matrix (national + 13 regions + 2 rural / urban
/// × 16 means + 16 proportions, each with calibrated SE, CI and deff) on raked respondents,
/// against a floor measured in the same run; then the same matrix on respondents drawn in 1,000
/// PSUs within 50 strata and raked (variance by PSU within strata), against the first.
struct Estimate: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Measure the estimation stage against a one-pass floor.")

  @Option(help: "Number of respondents.")
  var rows = 1_000_000

  func run() throws {
    var start = Clock.now()
    let survey = SyntheticSurvey(rows: rows, seed: 2015)
    let generated = Clock.now() - start
    let peakAfterGenerate = Double(Memory.peakResidentKilobytes()) / 1_048_576

    start = Clock.now()
    let weighted = try WeightStage(spec: SyntheticSurvey.weighting, population: survey.population).run(survey.wave)
    let weighting = Clock.now() - start
    let peakAfterWeight = Double(Memory.peakResidentKilobytes()) / 1_048_576

    start = Clock.now()
    let indicators = try EstimateStage(spec: SyntheticSurvey.estimation, dontKnow: .exclude).run(
      weighted
    ).indicators
    let estimation = Clock.now() - start

    let clustered = SyntheticSurvey(rows: rows, seed: 2015, clustered: true)
    let clusteredWeighted = try WeightStage(
      spec: SyntheticSurvey.weighting, design: SyntheticSurvey.clusteredDesign, population: clustered.population
    ).run(clustered.wave)
    start = Clock.now()
    let clusteredIndicators = try EstimateStage(spec: SyntheticSurvey.estimation, dontKnow: .exclude).run(
      clusteredWeighted
    ).indicators
    let clusteredEstimation = Clock.now() - start

    start = Clock.now()
    let checksum = floorPass(survey.wave, weights: weighted.finalWeights)
    let floor = Clock.now() - start

    let peak = Double(Memory.peakResidentKilobytes()) / 1_048_576
    print("respondents     \(rows); \(indicators.count) indicators (16 breakdown cells × 32 variables)")
    print("generate        \(Format.fixed(generated, 3)) s")
    print("weight (rake)   \(Format.fixed(weighting, 3)) s, \(weighted.diagnostics.iterations) iterations")
    print(
      "estimate        \(Format.fixed(estimation, 3)) s, \(Format.fixed(Double(rows) / estimation / 1e6, 2)) M rows/s "
        + "(target: \(rows >= 10_000_000 ? "3" : "0.3") s)")
    print(
      "floor           \(Format.fixed(floor, 3)) s (one pass: Σw, Σwy, Σwy² by region, 32 variables; checksum \(Format.fixed(checksum, 0)))"
    )
    print("ratio           estimate / floor = \(Format.fixed(estimation / floor, 2))")
    print(
      "clustered       \(Format.fixed(clusteredEstimation, 3)) s for \(clusteredIndicators.count) indicators, "
        + "1,000 PSUs in 50 strata, raked (target: < 2 × the independent rows' estimate)")
    print("ratio           clustered / independent = \(Format.fixed(clusteredEstimation / estimation, 2))")
    print(
      "peak RSS        \(Format.fixed(peak, 2)) GiB = \(Format.fixed(peak * 1.073741824, 2)) GB "
        + "(after generating \(Format.fixed(peakAfterGenerate, 2)) GiB, after weighting \(Format.fixed(peakAfterWeight, 2)) GiB)"
    )
  }

  /// The floor: a single pass accumulating Σw, Σwy, Σwy² by region for the 32 variables, with
  /// the same raw-pointer loop as phare's accumulation and nothing else.
  private func floorPass(_ wave: CleanWave, weights: [Double]) -> Double {
    guard case .coded(let region) = wave.table["region"] else { return 0 }
    var sums = [Double](repeating: 0, count: 100 * 32 * 3)
    let regionIndex = region.codes.map { Int($0) }
    sums.withUnsafeMutableBufferPointer { sums in
      regionIndex.withUnsafeBufferPointer { regions in
        weights.withUnsafeBufferPointer { weights in
          for (index, column) in wave.table.columns.dropFirst(3).enumerated() {
            switch column {
            case .numeric(let numbers):
              numbers.values.withUnsafeBufferPointer { values in
                numbers.missing.withUnsafeWords { missing in
                  Self.accumulate(values, missing, regions, weights, sums, variable: index) { $0 }
                }
              }
            case .coded(let coded):
              coded.codes.withUnsafeBufferPointer { values in
                coded.missing.withUnsafeWords { missing in
                  Self.accumulate(values, missing, regions, weights, sums, variable: index) { Double($0) }
                }
              }
            case .categorical, .text:
              continue
            }
          }
        }
      }
    }
    return sums.reduce(0, +)
  }

  @inline(__always)
  private static func accumulate<Value>(
    _ values: UnsafeBufferPointer<Value>, _ missing: UnsafeBufferPointer<UInt64>, _ regions: UnsafeBufferPointer<Int>,
    _ weights: UnsafeBufferPointer<Double>, _ sums: UnsafeMutableBufferPointer<Double>, variable: Int,
    asDouble: (Value) -> Double
  ) {
    for row in 0..<values.count where missing[row >> 6] & (1 << UInt64(row & 63)) == 0 {
      let slot = (regions[row] * 32 + variable) * 3
      let w = weights[row]
      let y = asDouble(values[row])
      let wy = w * y
      sums[slot] += w
      sums[slot + 1] += wy
      sums[slot + 2] += wy * y
    }
  }
}
