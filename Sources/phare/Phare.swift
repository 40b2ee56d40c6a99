import ArgumentParser
import PhareKit

/// The `phare` command: survey exports in, weighted indicators with confidence intervals out.
@main
struct Phare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "phare",
    abstract: "Turns PHARE survey exports into weighted indicators with confidence intervals.",
    discussion: """
      Stages: ingest (CSV), clean, weight, aggregate, outputs.
      Start with `phare inspect FILE` to see how an export will be read.

      Exit codes: 0 success; 1 an input, spec or codebook cannot be used (each problem \
      is printed with its file and line); 2 some waves failed (unreadable, columns missing, \
      or too many rows quarantined) while the others were processed; 3 another `phare run` holds \
      the output folder; 64 wrong command-line usage.
      """,
    version: PhareVersion.current,
    subcommands: [
      Inspect.self, CodebookCommand.self, Validate.self, Clean.self, Weight.self, Estimate.self, Run.self, History.self,
      Synth.self,
    ]
  )
}
