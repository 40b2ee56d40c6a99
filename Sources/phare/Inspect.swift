import ArgumentParser
import Foundation
import PhareKit

/// `phare inspect FILE`: how phare reads an export, before any pipeline is written for it.
struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show how a survey export is read: dialect, columns, rows kept and quarantined.",
    discussion: """
      Detects the encoding (UTF-8 with or without BOM, Windows-1252, UTF-16; UTF-8 is checked \
      line by line, and a UTF-8 file with lines that are not is refused naming them, unless \
      --encoding mixed reads those lines as Windows-1252 and lists them), the separator \
      (comma, semicolon, tab, pipe: the one that splits the header and the first rows into \
      the same number of fields; an Excel sep= first line is honoured) and the line ending, \
      infers each column's type \
      (numeric, categorical, text) and counts its missing values. Rows whose field count \
      differs from the header, or with malformed quoting, are quarantined with their line \
      number and reason; rows read always equal rows kept plus rows quarantined. An SPSS \
      .sav/.zsav or Stata .dta file (by its extension) is read through ReadStat: its variables, \
      their types, its cases (case k as line k + 1) and its format and encoding.
      """
  )

  @Argument(help: "The export to inspect: CSV, or SPSS .sav/.zsav or Stata .dta.", completion: .file())
  var file: String

  @Option(help: "Separator to use instead of detecting it: ',', ';', 'tab' or '|'.")
  var separator: String?

  @Option(help: "How the encoding is chosen: auto, utf-8, windows-1252 or mixed (non-UTF-8 lines as Windows-1252).")
  var encoding = "auto"

  @Flag(help: "Print one JSON object (every quarantined row included) instead of text.")
  var json = false

  @Option(help: "How many quarantined rows the text report lists.")
  var showQuarantined = 10

  @Flag(help: "Also print the raw text of quarantined rows (it may contain personal data).")
  var raw = false

  func validate() throws {
    if let separator, Separator(argument: separator) == nil {
      throw ValidationError("unknown separator '\(separator)'; use ',', ';', 'tab' or '|'")
    }
    if InputEncoding(rawValue: encoding.lowercased()) == nil {
      throw ValidationError("unknown encoding '\(encoding)'; use auto, utf-8, windows-1252 or mixed")
    }
    if showQuarantined < 0 {
      throw ValidationError("--show-quarantined must be 0 or more")
    }
  }

  func run() throws {
    let encoding = InputEncoding(rawValue: encoding.lowercased()) ?? .auto
    let reader = ExportReader(
      csv: CSVReader(separator: separator.flatMap(Separator.init(argument:)), encoding: encoding),
      statFile: StatFileReader(encoding: encoding))
    // An IngestError is printed by ArgumentParser as one line, "Error: FILE: problem", exit code 1.
    let report = try InspectionReport.read(file, with: reader, showingRawText: raw)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      print(report.text(quarantineLimit: showQuarantined))
    }
  }
}
