import ArgumentParser

/// The `phare` command: survey exports in, weighted indicators with confidence intervals out.
@main
struct Phare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "phare",
    abstract: "Turns PHARE survey exports into weighted indicators with confidence intervals.",
    discussion: """
      Stages: ingest (CSV) → clean → weight → aggregate → outputs.
      Start with `phare inspect FILE` to see how an export will be read.

      Exit codes: 0 success; 1 an input cannot be read (the message names the file \
      and the problem); 64 wrong command-line usage.
      """,
    version: "0.1.0",
    subcommands: [Inspect.self]
  )
}
