import ArgumentParser
import Foundation
import PhareKit

/// `phare inspect FILE`: how phare reads an export, before any pipeline is written for it.
struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show how a survey export is read: dialect, columns, rows kept and quarantined.",
    discussion: """
      Detects the encoding (UTF-8 with or without BOM, Windows-1252, UTF-16), the separator \
      (comma, semicolon, tab, pipe: the one that splits the header and the first rows into \
      the same number of fields; an Excel sep= first line is honoured) and the line ending, \
      infers each column's type \
      (numeric, categorical, text) and counts its missing values. Rows whose field count \
      differs from the header, or with malformed quoting, are quarantined with their line \
      number and reason; rows read always equal rows kept plus rows quarantined.
      """
  )

  @Argument(help: "The CSV export to inspect.")
  var file: String

  @Option(help: "Separator to use instead of detecting it: ',', ';', 'tab' or '|'.")
  var separator: String?

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
    if showQuarantined < 0 {
      throw ValidationError("--show-quarantined must be 0 or more")
    }
  }

  func run() throws {
    let reader = CSVReader(separator: separator.flatMap(Separator.init(argument:)))
    // An IngestError is printed by ArgumentParser as one line, "Error: FILE: problem", exit code 1.
    let result = try reader.read(file)
    let report = InspectionReport(result, showingRawText: raw)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      print(report.text(quarantineLimit: showQuarantined))
    }
  }
}
