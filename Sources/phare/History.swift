import ArgumentParser
import PhareKit

/// `phare history SURVEY|SPEC [--registry PATH]`: the runs recorded for a survey, newest first, and their waves.
struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the runs recorded for a survey in the run registry, newest first, with their waves.",
    discussion: """
      The registry keys a pipeline's records by its survey id (the spec's `survey:`), so the survey id \
      or any path to its spec (relative, absolute, ./x, through a symbolic link) finds the same runs, \
      whatever path `phare run` was given. \
      Per run: its id, status, exit code, start and end (UTC), phare version and command. Per wave it \
      recorded: wave id, status, rows read, clean and quarantined, the first 12 hex digits of the \
      export's SHA-256 and when it was processed; a failed wave's problem below it. A wave recorded \
      again by a later run is listed under that run only. The registry is only read: never created, \
      written or migrated (one of an older schema is read through a migrated copy in memory).
      """
  )

  @Argument(
    help: "A survey id (e.g. institutions) or the path of its pipeline spec (e.g. Pipelines/institutions.yml).",
    completion: .file(extensions: ["yml", "yaml"]))
  var pipeline: String

  @Option(help: "The run registry (SQLite).", completion: .file())
  var registry = "out/phare.sqlite"

  func run() throws {
    let survey: String
    do {
      survey = try PipelineSpec.survey(named: pipeline)
    } catch let problems as SpecProblems {
      PipelineLoader.report(problems, in: pipeline)
      throw ExitCode.failure
    }
    // A RegistryError is printed by ArgumentParser as one line, "Error: FILE: problem", exit code 1.
    let runs = try RunRegistry(readingOnly: registry).history(survey: survey)
    if runs.isEmpty {
      let named = survey == pipeline ? "survey \(survey)" : "\(pipeline) (survey \(survey))"
      print("\(named): no run recorded in \(registry)")
    }
    runs.flatMap(\.lines).forEach { print($0) }
  }
}
