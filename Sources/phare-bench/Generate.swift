import ArgumentParser
import Foundation
import PhareKit

/// `phare-bench generate`: a deterministic survey-like export of any size.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Write a deterministic survey-like CSV export.")

  @Option(help: "Number of respondents.")
  var rows: Int

  @Option(help: "Random seed.")
  var seed: UInt64 = 42

  @Option(help: "Separator: ',', ';' or 'tab'.")
  var separator = ","

  @Argument(help: "The file to write.")
  var file: String

  func run() throws {
    guard let separator = Separator(argument: separator) else {
      throw ValidationError("unknown separator '\(separator)'")
    }
    let temporary = file + ".tmp"
    try SurveyExportGenerator(rows: rows, seed: seed, separator: separator).write(to: temporary)
    guard rename(temporary, file) == 0 else { throw FileWriteError(path: file, reason: "rename failed") }
    print("wrote \(file): \(rows) rows")
  }
}
