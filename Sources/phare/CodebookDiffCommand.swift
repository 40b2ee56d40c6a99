import ArgumentParser
import PhareKit

/// `phare codebook diff FILE --codebook CODEBOOK`: what an export adds, drops or relabels.
struct CodebookDiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "List what an export adds, drops or relabels against a codebook.",
    discussion: """
      Columns the codebook does not read (+), variables with no column in the export (-), and \
      for an SPSS/Stata file, variable and value labels that differ from the codebook's, codes \
      the file labels that the codebook lacks, and user-missing codes that differ (~). \
      Exit code 0 when nothing differs, 2 when something does, 1 when a file cannot be read.
      """
  )

  @Argument(help: "The new wave's export: CSV, or SPSS .sav/.zsav, or Stata .dta.", completion: .file())
  var file: String

  @Option(help: "The codebook to compare with.", completion: .file())
  var codebook: String

  func run() throws {
    let codebook = try PipelineLoader.codebook(codebook)
    var reader = ExportReader(codebook: codebook)
    reader.statFile.acceptsNoCases = true
    let diff = CodebookDiff(try reader.read(file), codebook: codebook)
    diff.lines.forEach { print($0) }
    if !diff.lines.isEmpty { throw ExitCode(2) }
  }
}
