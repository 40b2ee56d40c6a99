import ArgumentParser

/// `phare-bench`: generates benchmark data and measures phare against a floor measured in the same run.
@main
struct PhareBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "phare-bench",
    abstract: "Benchmarks for phare; figures are ratios to a floor measured in the same run.",
    subcommands: [Generate.self, Ingest.self, IngestSav.self, Weight.self, Estimate.self, RunJob.self, Rerun.self]
  )
}
