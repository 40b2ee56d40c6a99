/// One stage of the design over the estimation groups, and its share of a covariance: the
/// linearised residuals summed into units (rows, or clusters), centred within strata and scaled
/// by f n/(n − 1), as R's `onestage` / `onestrat`, lonely PSUs included.
struct VarianceStage {
  let sampling: SamplingStage
  /// Per group: its stratum at this stage.
  let stratumOfGroup: [Int]
  /// Per group: its unit; nil when units are rows.
  let unitOfGroup: [Int]?
  /// Per stratum: f n/(n − 1), or f for a stratum of one unit (R's `scale`), times the stage's
  /// weight: 1 at stage 1, n/N of the PSU's stratum at stage 2 (R's `multistage`).
  private let scale: [Double]
  /// Whether each stratum is R's `onestage` call of its own (stage 2: each PSU), rather than all
  /// strata one call (stage 1): lonely-PSU averaging scales within a call.
  private let stratumIsCall: Bool
  let lonelyPSU: LonelyPSU
  /// The relative size below which a stratum's Σ r² − (Σ r)² / n is rounding, not variance:
  /// about 10⁶ ulps, far above what summing a million rows loses and far below a variance that
  /// doubles can still tell from its terms.
  static let relativeRounding = 1e-10
  /// The stage's position in the design (0 for PSUs).
  private let number: Int

  init(_ sampling: SamplingStage, number: Int, groups: EstimationGroups, previous: SamplingStage?, lonely: LonelyPSU) {
    self.sampling = sampling
    stratumOfGroup = groups.stratum[number]
    unitOfGroup = groups.unit[number]
    var weight = [Double](repeating: 1, count: sampling.sampleSize.count)
    if let previous, let population = previous.populationSize {
      for group in 0..<groups.count {
        let upper = groups.stratum[number - 1][group]
        weight[stratumOfGroup[group]] = previous.sampleSize[upper] / population[upper]
      }
    }
    scale = sampling.sampleSize.indices.map { stratum in
      let n = sampling.sampleSize[stratum]
      let f = sampling.correction(stratum)
      return (n > 1 ? f * n / (n - 1) : f) * weight[stratum]
    }
    stratumIsCall = number > 0
    lonelyPSU = lonely
    self.number = number
  }

  /// This stage's Σ over strata of scale × (Σ_units Ra Rb − Σ Ra Σ Rb / n), from the estimates'
  /// residual totals per unit, or (units being rows) per group with `products`, the sum over each
  /// group's rows of r_a r_b.
  /// - Parameter present: per group, whether it is in the design at hand (nil: all are); strata
  ///   without such a group do not count among the strata lonely-PSU averaging scales by.
  func covariance(_ a: DomainEstimate, _ b: DomainEstimate, products: [Double], present: [Bool]?) -> Double {
    let strata = sampling.sampleSize.count
    var sumA = [Double](repeating: 0, count: strata)
    var sumB = [Double](repeating: 0, count: strata)
    // Per stratum: Σ (Ra − R̄a)(Rb − R̄b) over its units, and Σ Ra Rb for a lonely unit.
    var centred = [Double](repeating: 0, count: strata)
    var uncentred = [Double](repeating: 0, count: strata)
    if unitOfGroup != nil {
      // Units' totals are at hand: centred within strata in a second pass, as R's `onestrat`.
      let unitA = a.unitTotals[number]
      let unitB = b.unitTotals[number]
      let stratumOfUnit = sampling.stratumOfUnit ?? []
      for unit in unitA.indices {
        sumA[Int(stratumOfUnit[unit])] += unitA[unit]
        sumB[Int(stratumOfUnit[unit])] += unitB[unit]
      }
      for unit in unitA.indices {
        let stratum = Int(stratumOfUnit[unit])
        let n = sampling.sampleSize[stratum]
        centred[stratum] += (unitA[unit] - sumA[stratum] / n) * (unitB[unit] - sumB[stratum] / n)
        uncentred[stratum] += unitA[unit] * unitB[unit]
      }
    } else {
      for group in products.indices {
        let stratum = stratumOfGroup[group]
        sumA[stratum] += a.residuals[group]
        sumB[stratum] += b.residuals[group]
        uncentred[stratum] += products[group]
      }
      // Rows' squares come from the groups' sums: Σ r² − (Σ r)² / n, where a difference within
      // the rounding of its terms (a residual constant within the stratum) is 0.
      for stratum in 0..<strata {
        let correction = sumA[stratum] * sumB[stratum] / sampling.sampleSize[stratum]
        let difference = uncentred[stratum] - correction
        let rounding = Self.relativeRounding * (abs(uncentred[stratum]) + abs(correction))
        centred[stratum] = abs(difference) <= rounding ? 0 : difference
      }
    }
    var isPresent = [Bool](repeating: present == nil, count: strata)
    if let present {
      for group in present.indices where present[group] { isPresent[stratumOfGroup[group]] = true }
    }
    var total = 0.0
    var callTotal = 0.0
    var callStrata = 0.0
    var callAveraged = 0.0
    func closeCall() {
      // R: the strata's sum (lonely ones NA, left out) × strata / strata not NA.
      if callStrata > 0 {
        total += callAveraged == 0 ? callTotal : callTotal * callStrata / (callStrata - callAveraged)
      }
      (callTotal, callStrata, callAveraged) = (0, 0, 0)
    }
    for stratum in 0..<strata where isPresent[stratum] {
      callStrata += 1
      let n = sampling.sampleSize[stratum]
      if sampling.isCertain(stratum) {
        // A self-representing stratum: no variance.
      } else if n > 1 {
        callTotal += scale[stratum] * centred[stratum]
      } else {
        switch lonelyPSU {
        case .adjust: callTotal += scale[stratum] * uncentred[stratum]
        case .average: callAveraged += 1
        case .remove, .certainty, .fail: break
        }
      }
      if stratumIsCall { closeCall() }
    }
    closeCall()
    return total
  }
}
