import ArgumentParser
import PhareKit

/// The arguments `clean`, `weight` and `estimate` share.
struct StageOptions: ParsableArguments {
  @Argument(
    help: "The pipeline spec (YAML), e.g. Pipelines/institutions.yml.", completion: .file(extensions: ["yml", "yaml"]))
  var pipeline: String

  @Option(help: "The folder to write the outputs into.", completion: .directory)
  var out: String

  @Flag(help: "Write answer labels instead of codes in clean.csv.")
  var labels = false

  @Option(
    help: """
      How CSV files are written: rfc4180 (comma, decimal point, CRLF) or fr (semicolon, decimal \
      comma, UTF-8 byte order mark, as Excel in France opens them).
      """)
  var csvLocale: CSVLocale = .rfc4180
}
