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

  func validate() throws {
    guard rows >= 0 else { throw ValidationError("--rows must not be negative") }
    guard Separator(argument: separator) != nil else { throw ValidationError("unknown separator '\(separator)'") }
  }

  /// Writes to a temporary file beside the target, then renames it: a reader never sees half a file.
  func run() throws {
    let temporary = file + ".tmp"
    do {
      try SurveyExportGenerator(rows: rows, seed: seed, separator: Separator(argument: separator)!).write(to: temporary)
      guard rename(temporary, file) == 0 else {
        throw FileWriteError(path: file, reason: String(cString: strerror(errno)))
      }
    } catch {
      unlink(temporary)
      throw error
    }
    print("wrote \(file): \(rows) rows")
  }
}
