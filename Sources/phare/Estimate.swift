import ArgumentParser
import PhareKit

/// `phare estimate PIPELINE --out DIR`: every stage up to the indicators.
struct Estimate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Clean, weight and estimate every wave; write indicators with standard errors and intervals.",
    discussion: """
      For the spec's estimate: variables and breakdowns (national always), writes \
      DIR/<wave>/indicators.csv: one row per breakdown value, variable, category and statistic \
      with estimate, linearised SE (accounting for the calibration, as R's survey package), \
      confidence interval (means: normal; proportions: logit, beta, mean or wilson, with R's t \
      degrees of freedom), design effect, unweighted and weighted base, effective n, CV, \
      differences against the nation and the rest of the nation, and flags (low-base, \
      suppressed, degenerate-interval, above-national, below-national). Suppressed cells are \
      blanked there and kept in indicators-audit.csv. Also writes the cross-tables of the spec's \
      estimate.tables (DIR/<wave>/tables/<name>.csv and a sheet each of DIR/<wave>/tables.xlsx: \
      weighted column percentages, H / B where significantly above / below Ensemble, the letters \
      of the columns significantly below, ! for a low base, unweighted and weighted bases), their \
      column tests (DIR/<wave>/comparisons.csv), the dashboard feed \
      DIR/<wave>/feed.json (Schemas/feed.schema.json) and what `phare weight` writes. \
      --csv-locale fr writes every CSV with ';', decimal commas and a byte order mark for Excel.
      """
  )

  @OptionGroup var options: StageOptions

  func run() throws {
    try StageRun.run(options, through: .estimate)
  }
}
