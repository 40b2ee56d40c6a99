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

  @Argument(help: "The pipeline spec (YAML), e.g. Pipelines/institutions.yml.")
  var pipeline: String

  @Option(help: "The folder to write the outputs into.")
  var out: String

  @Flag(help: "Write answer labels instead of codes in clean.csv.")
  var labels = false

  func run() throws {
    try StageRun.run(pipeline: pipeline, through: .clean, out: out, labels: labels)
  }
}
