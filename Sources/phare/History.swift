import ArgumentParser
import PhareKit

/// `phare history PIPELINE [--registry PATH]`: the runs recorded for a pipeline, newest first, and their waves.
struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the runs recorded for a pipeline in the run registry, newest first, with their waves.",
    discussion: """
      Per run: its id, status, exit code, start and end (UTC), phare version and command. Per wave it \
      recorded: wave id, status, rows read, clean and quarantined, the first 12 hex digits of the \
      export's SHA-256 and when it was processed; a failed wave's problem below it. A wave recorded \
      again by a later run is listed under that run only. The registry is only read: never created, \
      written or migrated (one of an older schema is read through a migrated copy in memory).
      """
  )

  @Argument(help: "The pipeline spec, as `phare run` named it (e.g. Pipelines/institutions.yml).")
  var pipeline: String

  @Option(help: "The run registry (SQLite).")
  var registry = "out/phare.sqlite"

  func run() throws {
    // A RegistryError is printed by ArgumentParser as one line, "Error: FILE: problem", exit code 1.
    let runs = try RunRegistry(readingOnly: registry).history(pipeline: pipeline)
    if runs.isEmpty { print("\(pipeline): no run recorded in \(registry)") }
    runs.flatMap(\.lines).forEach { print($0) }
  }
}
