import ArgumentParser
import Foundation
import PhareKit

/// `phare codebook draft FILE`: a codebook YAML guessed from an export, every guess marked.
struct CodebookDraftCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draft",
    abstract: "Write a codebook drafted from an export's values (and an SPSS/Stata file's dictionary).",
    discussion: """
      Guesses each column's type: personal data (e-mails, phone numbers, people's names, or a \
      column named so), labelled numbers as single choices with the file's value labels and \
      user-missing codes, runs of 0/1 columns sharing a prefix as one multiple-response set, \
      the first column with a distinct value in every row as the identifier, few whole codes \
      as a single choice (a lone high 9, 99 or 999 as « Ne sait pas »), whole 0-10 scores as a \
      scale, other numbers as numeric with their range, the rest as text. Every guess is a \
      `# guess:` comment to confirm; the draft loads as a codebook once a spec names it.
      """
  )

  @Argument(help: "The export: CSV, or SPSS .sav/.zsav, or Stata .dta.", completion: .file())
  var file: String

  @Option(name: .shortAndLong, help: "Write the draft to this file instead of standard output.", completion: .file())
  var output: String?

  func run() throws {
    var reader = ExportReader(csv: CSVReader())
    reader.statFile.acceptsNoCases = true
    let draft = CodebookDraft(try reader.read(file))
    guard let output else { return print(draft.yaml, terminator: "") }
    try draft.write(to: output)
  }
}
