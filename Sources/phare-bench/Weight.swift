import ArgumentParser
import PhareKit

/// `phare-bench weight`: raking, linear and logit calibration ([0.1, 10]) of a million respondents
/// on region (13), sex × age (10) and rural/urban (2), against one pass over the weight column;
/// then trimming the raked weights (`weight.trim`), against the raking time of the same run.
struct Weight: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Measure raking against one pass over the weights.")

  @Option(help: "Number of respondents.")
  var rows = 1_000_000

  @Option(help: "Convergence tolerance.")
  var tolerance = 1e-7

  @Option(help: "Trimming bounds as ratios to the mean weight: lower.")
  var trimLower = 0.6

  @Option(help: "Trimming bounds as ratios to the mean weight: upper.")
  var trimUpper = 1.5

  @Option(help: "Runs of each; the best is reported.")
  var `repeat` = 5

  func run() throws {
    let counts = [13, 10, 2]
    var random = SplitMix64(seed: 7)
    // Unequal inclusion: region k drawn with weight k + 1, so the raking has work to do.
    let regionDraw = (0..<13).map { Double($0 + 1) }
    let categories: [[Int32]] = counts.enumerated().map { margin, count in
      (0..<rows).map { _ in
        margin == 0 ? Int32(pick(regionDraw, &random)) : Int32(random.below(count))
      }
    }
    let population = 52_000_000.0
    let targets = counts.map { count in
      let shares = (0..<count).map { 1.0 + Double($0 % 3) }
      return shares.map { population * $0 / shares.reduce(0, +) }
    }
    // N / n each, as `start: equal` gives: the logit bounds apply to g relative to it.
    let start = [Double](repeating: population / Double(rows), count: rows)

    var pass = Double.infinity
    var total = 0.0
    for _ in 0..<`repeat` {
      let begin = Clock.now()
      total += start.reduce(0, +)
      pass = min(pass, Clock.now() - begin)
    }
    print("respondents     \(rows), margins 13 + 10 + 2, tolerance \(tolerance)")
    print("floor           \(Format.fixed(pass * 1000, 3)) ms (one pass summing the weight column; checksum \(total))")
    var raking = Double.infinity
    var raked: [Double] = []
    for distance in [CalibrationDistance.raking(), .linear(), .logit(bounds: 0.1...10)] {
      let calibrator = Calibrator(distance: distance, tolerance: tolerance, maxIterations: 100)
      var best = Double.infinity
      var iterations = 0
      var sum = 0.0
      for _ in 0..<`repeat` {
        let begin = Clock.now()
        let result = try calibrator.weights(rowCategories: categories, targets: targets, startWeights: start)
        best = min(best, Clock.now() - begin)
        iterations = result.iterations
        sum = result.weights.reduce(0, +)
        if distance.name == "raking" { raked = result.weights }
      }
      if distance.name == "raking" { raking = best }
      let label = distance.name.padding(toLength: 16, withPad: " ", startingAt: 0)
      print(
        "\(label)\(Format.fixed(best, 4)) s, \(iterations) Newton iterations, sum of weights \(Format.fixed(sum, 2)), "
          + "\(Format.fixed(best / pass, 1)) × the floor, \(Format.fixed(best / raking, 2)) × raking"
          + (distance.name == "raking"
            ? " (target under 0.2 s: \(best < 0.2 ? "PASS" : "MISS"))" : " (target under 5 × raking)"))
    }
    let trimmer = WeightTrimmer(lower: trimLower, upper: trimUpper)
    var trimBest = Double.infinity
    var trimming: TrimmingDiagnostics?
    for _ in 0..<`repeat` {
      var weights = raked
      let begin = Clock.now()
      trimming = try trimmer.trim(&weights)
      trimBest = min(trimBest, Clock.now() - begin)
    }
    if let trimming {
      print(
        "trimming        \(Format.fixed(trimBest, 4)) s to [\(trimLower), \(trimUpper)] × mean, "
          + "\(trimming.iterations) passes; \(trimming.belowLower) below and \(trimming.aboveUpper) above before, "
          + "\(trimming.atLower) at the lower and \(trimming.atUpper) at the upper bound after")
      print(
        "trim / raking   \(Format.fixed(trimBest / raking, 2)) × (target under 5: \(trimBest < 5 * raking ? "PASS" : "MISS"))"
      )
    }
  }

  private func pick(_ weights: [Double], _ random: inout SplitMix64) -> Int {
    var draw = random.unit() * weights.reduce(0, +)
    for (index, weight) in weights.enumerated() {
      draw -= weight
      if draw < 0 { return index }
    }
    return weights.count - 1
  }
}
