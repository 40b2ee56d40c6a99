import ArgumentParser
import PhareKit

/// `phare clean PIPELINE --out DIR`: the clean stage's contract, written to disk.
struct Clean: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Ingest and clean every wave of a pipeline; write clean tables, quarantine and manifest.",
    discussion: """
      Writes DIR/<wave>/clean.csv (one row per kept respondent, its source line first, codes \
      or --labels), DIR/quarantine.csv (every rejected row of every wave: wave, file, line, \
      respondent id, rule, message, value) and DIR/manifest.json (rows read = clean + \
      quarantined, per wave). Personal-data columns never reach any of them. A wave whose \
      quarantined share is above the spec's threshold fails (exit code 2); the others still run.
      """
  )

  @OptionGroup var options: StageOptions

  func run() throws {
    try StageRun.run(options, through: .clean)
  }
}
