/// A sample design over the weighted rows of a wave, as R's `svydesign` object: design weights,
/// strata, one or two stages of clusters with their finite population corrections, and what to
/// do with lonely PSUs. Weighting calibrates from its weights; variance estimation sums
/// linearised residuals into its units within its strata (R's `svyrecvar`).
public struct SampleDesign: Sendable {
  /// Per weighted row: the design weight, 1 / Π (n / N) over the stages; nil when the spec gives
  /// none (a calibration then starts from equal weights).
  let weights: [Double]?
  /// The stages whose variance is estimated: stage 1 always; stage 2 with two stages of
  /// clusters and a finite population correction, as R's `multistage` (otherwise the PSU totals
  /// alone, the ultimate-cluster variance).
  let stages: [SamplingStage]
  let lonelyPSU: LonelyPSU

  /// Independent rows in one stratum without a finite population correction: the design of a
  /// spec without `design:`.
  static func independentRows(_ count: Int) -> SampleDesign {
    SampleDesign(
      weights: nil,
      stages: [
        SamplingStage(
          unitOfRow: nil, unitCount: count, stratumOfUnit: nil, stratumOfRow: nil, stratumNames: ["all"],
          sampleSize: [Double(count)],
          populationSize: nil)
      ], lonelyPSU: .fail)
  }

  /// Stage 1's strata: R's `degf` subtracts their number from the PSUs'.
  var strata: SamplingStage { stages[0] }
}
