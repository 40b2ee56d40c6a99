/// One stage of a sample design over the weighted rows, as R's `svydesign` keeps it in
/// `cluster[, i]`, `strata[, i]` and `fpc$sampsize[, i]` / `fpc$popsize[, i]`: each row's unit
/// and stratum, and each stratum's sample and population sizes in units.
///
/// Stage 1 draws primary sampling units (PSUs) within the design's strata; stage 2 draws
/// secondary units within each PSU, which is stage 2's stratum (R: `interaction(strata, psu)`).
struct SamplingStage: Sendable {
  /// Per weighted row: its unit (0 ..< `unitCount`); nil when every row is its own unit.
  let unitOfRow: [Int32]?
  let unitCount: Int
  /// Per unit: its stratum (units are nested in strata); nil when units are rows.
  let stratumOfUnit: [Int32]?
  /// Per weighted row: its stratum at this stage (0 ..< `sampleSize.count`); nil for one stratum.
  let stratumOfRow: [Int32]?
  /// Per stratum: its name in messages (`1 « Elementary »`, `PSU 17`).
  let stratumNames: [String]
  /// Per stratum: the sampled units (R's `fpc$sampsize`).
  let sampleSize: [Double]
  /// Per stratum: the population's units (R's `fpc$popsize`); nil without a finite population
  /// correction.
  let populationSize: [Double]?

  /// Per stratum: the finite population correction f = 1 − n / N, 1 without one (R's `onestrat`).
  func correction(_ stratum: Int) -> Double {
    guard let populationSize else { return 1 }
    let population = populationSize[stratum]
    return population == .infinity ? 1 : (population - sampleSize[stratum]) / population
  }

  /// Per stratum: whether every unit was taken (f < 1e-7, R's "self-representing stratum"): it
  /// contributes no variance, whatever its number of units.
  func isCertain(_ stratum: Int) -> Bool { correction(stratum) < 1e-7 }

  /// Per stratum: whether it holds one unit and is not taken with certainty: a lonely PSU.
  func isLonely(_ stratum: Int) -> Bool { sampleSize[stratum] == 1 && !isCertain(stratum) }
}
