import ArgumentParser
import PhareKit

/// `phare weight PIPELINE --out DIR`: ingest, clean and weight every wave; each stage's output on disk.
struct Weight: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Clean and weight every wave of a pipeline; write clean tables, weights, quarantine and manifest.",
    discussion: """
      Weights each wave to the population margins named in the spec (weight: section, \
      populations: file with variable,category,total) by post-stratification, raking \
      (optionally bounded) or calibration with a CALMAR distance (linear, logit, truncated \
      linear), as R's survey package computes them. Writes what `phare clean` writes \
      plus DIR/<wave>/weights.csv (line, respondent id, starting and final weight), \
      DIR/<wave>/weighting.csv (per margin category: sample, weighted and target shares, g \
      min / mean / max, Kish deff, effective n) and the weighting diagnostics in \
      DIR/manifest.json. A wave that cannot be weighted (a category missing from the \
      population, a population cell without respondents or with a total that is not positive, \
      bounds proven infeasible, no convergence, bounds that cannot be met) fails with the \
      margin and cell (code and label) at fault; exit code 2. Respondents set aside for a \
      blank weighting variable are quarantined and count in the quarantine threshold.
      """
  )

  @OptionGroup var options: StageOptions

  func run() throws {
    try StageRun.run(options, through: .weight)
  }
}
