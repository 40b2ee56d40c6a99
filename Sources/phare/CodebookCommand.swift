import ArgumentParser

/// `phare codebook draft|diff`: codebooks from exports' dictionaries and values.
struct CodebookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "codebook",
    abstract: "Draft a codebook from an export, or compare an export with a codebook.",
    subcommands: [CodebookDraftCommand.self, CodebookDiffCommand.self]
  )
}
