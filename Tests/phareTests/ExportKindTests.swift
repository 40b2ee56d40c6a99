import Foundation
import TestSupport
import Testing

/// Exports as survey platforms and French Excel write them (`Tests/Fixtures/exports`, made by its
/// `make-exports.py`), run through `phare inspect`, `clean` and `run` as a user would. Every kind
/// that must be read holds the 40 respondents of `plain/` and gives their clean rows and R's
/// indicators (`Tests/Oracle/exports.R`); the others fail or set aside exactly what they should.
@Suite struct ExportKindTests {
  static let root: String = {
    var path = #filePath
    for _ in 0..<2 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
  }()
  static let exports = root + "/Fixtures/exports/"

  /// One kind that reads as the plain export.
  struct Readable: CustomTestStringConvertible, Sendable {
    var kind: String
    var file = "data/wave-2020.csv"
    /// What `phare inspect` says of it: encoding, separator and line-ending lines.
    var dialect: [String]
    /// The physical line of the first respondent (the header's line + 1).
    var firstLine = 2
    var notes: [String] = []
    /// What `phare inspect` needs to be told, as the spec tells `clean` and `run`.
    var inspectOptions: [String] = []
    var testDescription: String { kind }
  }

  static let readable: [Readable] = [
    Readable(kind: "plain", dialect: ["Encoding     UTF-8", "Separator    comma", "Line ending  LF"]),
    Readable(
      kind: "semicolon-wordings",
      dialect: [
        "Encoding     UTF-8 with BOM", "Separator    semicolon (decimal comma in numbers)", "Line ending  CRLF",
      ]),
    Readable(
      kind: "excel-sep-line",
      dialect: ["Encoding     Windows-1252", "Separator    semicolon (decimal comma in numbers)", "Line ending  CRLF"],
      firstLine: 3,
      notes: [
        "line 1: Excel's `sep=;` sets the separator (semicolon); the line is skipped",
        "line 2: columns 10 to 13 have no name and no value; dropped",
      ]),
    Readable(
      kind: "unicode-text-le", file: "data/wave-2020.txt",
      dialect: ["Encoding     UTF-16 LE with BOM", "Separator    tab", "Line ending  CRLF"]),
    Readable(
      kind: "unicode-text-le-nobom", file: "data/wave-2020.txt",
      dialect: ["Encoding     UTF-16 LE", "Separator    tab", "Line ending  LF"]),
    Readable(
      kind: "unicode-text-be", file: "data/wave-2020.txt",
      dialect: ["Encoding     UTF-16 BE with BOM", "Separator    tab", "Line ending  LF"]),
    Readable(
      kind: "grouped-digits",
      dialect: ["Encoding     UTF-8", "Separator    semicolon (decimal comma in numbers)", "Line ending  LF"]),
    Readable(
      kind: "mixed-encoding",
      dialect: ["Encoding     UTF-8 with Windows-1252 lines", "Separator    comma", "Line ending  LF"],
      notes: ["lines 7, 16 are not UTF-8, read as Windows-1252 (`encoding: mixed`)"],
      inspectOptions: ["--encoding", "mixed"]),
    Readable(kind: "long-ids", dialect: ["Encoding     UTF-8", "Separator    comma", "Line ending  LF"]),
  ]

  /// R's indicators of one case of `Tests/Oracle/exports.csv`, keyed `variable/category@level`.
  static func golden(_ kind: String) throws -> [String: [String]] {
    let text = try String(contentsOfFile: root + "/Oracle/exports.csv", encoding: .utf8)
    let rows = CSVText.rows(text).dropFirst().filter { $0[0] == kind }
    return Dictionary(uniqueKeysWithValues: rows.map { ("\($0[1])/\($0[2])@\($0[3])", $0) })
  }

  /// indicators.csv of a run as rows keyed as `golden`, and its column names.
  static func indicators(_ path: String) throws -> (rows: [String: [String]], column: [String: Int]) {
    let table = CSVText.rows(try String(contentsOfFile: path, encoding: .utf8))
    let column = Dictionary(uniqueKeysWithValues: table[0].enumerated().map { ($1, $0) })
    let rows = table.dropFirst().map { row in
      ("\(row[column["variable"]!])/\(row[column["category"]!])@\(row[column["breakdown_value"]!])", row)
    }
    return (Dictionary(uniqueKeysWithValues: rows), column)
  }

  /// Every golden row of `kind` is in the run's indicators, to 1e-9 (estimate) and 1e-6 (SE, CI).
  static func expectMatchesR(_ kind: String, indicatorsAt path: String) throws {
    let golden = try golden(kind)
    let (rows, column) = try indicators(path)
    #expect(golden.count >= 20)
    func close(_ text: String, _ expected: String, _ tolerance: Double) -> Bool {
      guard let value = Double(text), let reference = Double(expected) else { return false }
      return abs(value - reference) <= tolerance * max(1, abs(reference))
    }
    for (key, reference) in golden {
      let row = try #require(rows[key], "\(kind): no indicator \(key)")
      #expect(row[column["n"]!] == reference[4], "\(kind) \(key) n")
      #expect(close(row[column["estimate"]!], reference[5], 1e-9), "\(kind) \(key) estimate")
      #expect(close(row[column["se"]!], reference[6], 1e-6), "\(kind) \(key) se")
      #expect(close(row[column["ci_lower"]!], reference[7], 1e-6), "\(kind) \(key) lower")
      #expect(close(row[column["ci_upper"]!], reference[8], 1e-6), "\(kind) \(key) upper")
    }
  }

  /// clean.csv's rows, each split on commas outside quotes.
  static func cleanRows(_ path: String) throws -> [[String]] {
    CSVText.rows(try String(contentsOfFile: path, encoding: .utf8))
  }

  @Test(arguments: readable) func readsAsThePlainExport(_ kind: Readable) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = Self.exports + kind.kind + "/spec.yml"

    let inspect = try PhareProcess.run(["inspect"] + kind.inspectOptions + [Self.exports + kind.kind + "/" + kind.file])
    #expect(inspect.status == 0)
    let lines = inspect.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(Array(lines[1...3]) == kind.dialect)
    #expect(lines[4] == "Rows         40 read = 40 kept + 0 quarantined")
    #expect(lines.contains { $0.hasPrefix("  1   ") && $0.contains(" text ") }, "the id column is text")
    for note in kind.notes { #expect(lines.contains("  " + note)) }

    let clean = try PhareProcess.run("clean", spec, "--out", folder.path + "/clean")
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stdout.hasPrefix("wave 2020: 40 read = 40 clean + 0 quarantined\n"))
    let rows = try Self.cleanRows(folder.path + "/clean/2020/clean.csv")
    let plain = try Self.plainCleanRows()
    #expect(rows.count == 41)
    let lineNumbers: [String] = (0..<40).map { String(kind.firstLine + $0) }
    #expect(rows.map { $0[0] } == ["line"] + lineNumbers)
    let identifiers = kind.kind == "long-ids" ? 1 : 0
    let answers = rows.map { Array($0.dropFirst(1 + identifiers)) }
    #expect(answers == plain.map { Array($0.dropFirst(1 + identifiers)) })

    let run = try PhareProcess.run("run", spec, "--out", folder.path + "/run")
    #expect(run.status == 0, "\(run.stderr)")
    try Self.expectMatchesR("plain", indicatorsAt: folder.path + "/run/\(kind.kind)/2020/indicators.csv")
    let manifest = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/run/\(kind.kind)/2020/manifest.json")))
    let wave = try #require(((manifest as? [String: Any])?["waves"] as? [[String: Any]])?.first)
    #expect(wave["windows1252Lines"] as? [Int] == (kind.kind == "mixed-encoding" ? [7, 16] : nil))
  }

  static func plainCleanRows() throws -> [[String]] {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let clean = try PhareProcess.run("clean", exports + "plain/spec.yml", "--out", folder.path)
    #expect(clean.status == 0)
    return try cleanRows(folder.path + "/2020/clean.csv")
  }

  /// The plain export's first rows, as written by the generator: the test reads real values.
  @Test func plainCleanRowsAreTheExportsAnswers() throws {
    let rows = try Self.plainCleanRows()
    #expect(rows[0] == ["line", "id", "region", "sexe", "q1", "revenu", "commentaire", "prio_1", "prio_2", "prio_3"])
    #expect(rows[1] == ["2", "R001", "11", "2", "2", "1313.07", "Très bien desservie", "1", "1", "1"])
    #expect(rows[2] == ["3", "R002", "22", "1", "2", "6467", "Accès difficile, surtout l’hiver", "1", "1", "0"])
    // R005 left the set blank: not answered, so every item stays missing (not 0).
    #expect(rows[5] == ["6", "R005", "22", "1", "2", "6354.67", "Trop d’attente à la mairie", "", "", ""])
  }

  /// Ids of 19 digits above 2^53 stay 40 distinct respondents, written byte for byte.
  @Test func longIdentifiersAreWrittenAsRead() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let clean = try PhareProcess.run("clean", Self.exports + "long-ids/spec.yml", "--out", folder.path)
    #expect(clean.status == 0)
    let export = CSVText.rows(
      try String(contentsOfFile: Self.exports + "long-ids/data/wave-2020.csv", encoding: .utf8))
    let written = try Self.cleanRows(folder.path + "/2020/clean.csv")
    let identifiers: [String] = written.dropFirst().map { $0[1] }
    #expect(identifiers == export.dropFirst().map { $0[0] })
    #expect(Set(written.dropFirst().map { $0[1] }).count == 40)
    #expect(written[1][1] == "9007199254740993001")
  }

  /// Two unknown codes of q1 become missing cells: listed, counted apart, respondents kept.
  @Test func invalidCellsAreSetMissingAndListed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = Self.exports + "invalid-cells/spec.yml"
    let file = Self.exports + "invalid-cells/data/wave-2020.csv"
    let clean = try PhareProcess.run("clean", spec, "--out", folder.path + "/clean")
    #expect(clean.status == 0)
    #expect(clean.stdout.hasPrefix("wave 2020: 40 read = 40 clean + 0 quarantined; 2 cells set missing\n"))
    let quarantine = CSVText.rows(try String(contentsOfFile: folder.path + "/clean/quarantine.csv", encoding: .utf8))
    #expect(
      quarantine == [
        ["wave", "file", "line", "respondent_id", "rule", "message", "value", "variable"],
        [
          "2020", file, "6", "R005", "clean.unknown-code", "q1: 7 is not one of its codes (1, 2; missing 9)", "7", "q1",
        ],
        [
          "2020", file, "23", "R022", "clean.unknown-code", "q1: 5 is not one of its codes (1, 2; missing 9)", "5",
          "q1",
        ],
      ])
    let manifest = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/clean/2020/manifest.json")))
    let wave = try #require(((manifest as? [String: Any])?["waves"] as? [[String: Any]])?.first)
    #expect(wave["cellsSetMissing"] as? Int == 2)
    #expect(wave["rowsQuarantined"] as? Int == 0)
    let rows = try Self.cleanRows(folder.path + "/clean/2020/clean.csv")
    #expect(rows[5][4] == "" && rows[22][4] == "")
    #expect(rows[5][5] == "6354.67", "the respondent's other answers are kept")

    let run = try PhareProcess.run("run", spec, "--out", folder.path + "/run")
    #expect(run.status == 0)
    try Self.expectMatchesR("invalid-cells", indicatorsAt: folder.path + "/run/invalid-cells/2020/indicators.csv")
  }

  /// A region where nobody answered q1 is published with base 0, blank figures and flags.
  @Test func anEmptyLevelIsPublishedWithBaseZero() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let run = try PhareProcess.run("run", Self.exports + "empty-level/spec.yml", "--out", folder.path)
    #expect(run.status == 0)
    let path = folder.path + "/empty-level/2020/indicators.csv"
    try Self.expectMatchesR("empty-level", indicatorsAt: path)
    let (rows, column) = try Self.indicators(path)
    for category in ["1", "2"] {
      let row = try #require(rows["q1/\(category)@33"])
      #expect(row[column["n"]!] == "0")
      #expect(row[column["estimate"]!] == "" && row[column["se"]!] == "" && row[column["ci_lower"]!] == "")
      #expect(row[column["flags"]!] == "low-base;suppressed;empty")
    }
  }

  /// `2,500` among whole amounts reads two ways: its respondent is quarantined with the text.
  @Test func anAmbiguousAmountIsQuarantinedWithItsText() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = Self.exports + "ambiguous-number/spec.yml"
    let inspect = try PhareProcess.run("inspect", Self.exports + "ambiguous-number/data/wave-2020.csv")
    #expect(inspect.status == 0)
    #expect(inspect.stdout.contains("Separator    semicolon (decimal comma in numbers)\n"))
    let clean = try PhareProcess.run("clean", spec, "--out", folder.path + "/clean")
    #expect(clean.status == 0)
    #expect(clean.stdout.hasPrefix("wave 2020: 40 read = 39 clean + 1 quarantined\n"))
    let quarantine = CSVText.rows(try String(contentsOfFile: folder.path + "/clean/quarantine.csv", encoding: .utf8))
    #expect(
      quarantine.dropFirst().map { Array($0.dropFirst(2)) } == [
        [
          "13", "R012", "clean.ambiguous-number",
          "revenu: '2,500' is ambiguous: 2.500 with a decimal comma or 2500 with a thousands separator; "
            + "write thousands with a space (1 234) or none (1234)",
          "2,500", "",
        ]
      ])
    let run = try PhareProcess.run("run", spec, "--out", folder.path + "/run")
    #expect(run.status == 0)
    try Self.expectMatchesR("ambiguous-number", indicatorsAt: folder.path + "/run/ambiguous-number/2020/indicators.csv")
  }

  /// The exports that must not be published, with what each command says and its exit code.
  struct Refused: CustomTestStringConvertible, Sendable {
    var kind: String
    /// `phare inspect`: exit code and a line of its output (stdout, or stderr when it fails).
    var inspect: (status: Int32, line: String)
    /// The problem `clean` and `run` print after `error: FILE: ` (`error: FILE:LINE: ` with `line`).
    var problem: String
    var line = ""
    var testDescription: String { kind }
  }

  static let refused: [Refused] = [
    Refused(
      kind: "mixed-encoding-refused",
      inspect: (1, "lines 7, 16 are not UTF-8 while the rest of the file is"),
      problem:
        "lines 7, 16 are not UTF-8 while the rest of the file is (rows appended by another tool?); re-export as "
        + "UTF-8, or set `encoding: mixed` in the spec's inputs (`--encoding mixed` for phare inspect) to read them "
        + "as Windows-1252"),
    Refused(
      kind: "truncated",
      inspect: (
        0,
        "  export looks truncated or still being written: its last record (line 41) is cut (expected 9 fields as "
          + "in the header, found 4) and the file has no final line break; phare run would fail its wave"
      ),
      problem:
        "wave 2020: export looks truncated or still being written: its last record (line 41) is cut (expected 9 "
        + "fields as in the header, found 4) and the file has no final line break; it is retried on the next run"),
    Refused(
      kind: "alias-collision",
      inspect: (0, "  10  Région (code INSEE, 2 chiffres)  numeric"),
      problem:
        "columns 'region' and 'Région (code INSEE, 2 chiffres)' are both sources of variable 'region': keep one "
        + "of them in the export",
      line: ":1"),
  ]

  /// Each fails its wave (exit 2) in `clean` and `run`, and a run keeps the previous good outputs.
  @Test(arguments: refused) func refusedExportsFailTheWaveAndKeepPreviousOutputs(_ kind: Refused) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = Self.exports + kind.kind + "/data/wave-2020.csv"
    let inspect = try PhareProcess.run("inspect", file)
    #expect(inspect.status == kind.inspect.status)
    #expect((inspect.stdout + inspect.stderr).contains(kind.inspect.line), "\(inspect.stdout)\(inspect.stderr)")

    let clean = try PhareProcess.run("clean", Self.exports + kind.kind + "/spec.yml", "--out", folder.path + "/clean")
    #expect(clean.status == 2)
    #expect(clean.stderr.contains(kind.problem), "\(clean.stderr)")

    // A good export published first, then replaced by the refused one: the outputs stay.
    let survey = folder.path + "/survey"
    try FileManager.default.createDirectory(atPath: survey + "/data", withIntermediateDirectories: true)
    let spec = try String(contentsOfFile: Self.exports + kind.kind + "/spec.yml", encoding: .utf8)
      .replacingOccurrences(of: "../codebook.yml", with: Self.exports + "codebook.yml")
      .replacingOccurrences(of: "../pop.csv", with: Self.exports + "pop.csv")
    try spec.write(toFile: survey + "/spec.yml", atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      atPath: Self.exports + "plain/data/wave-2020.csv", toPath: survey + "/data/wave-2020.csv")
    let out = folder.path + "/run"
    #expect(try PhareProcess.run("run", survey + "/spec.yml", "--out", out).status == 0)
    let indicators = out + "/\(kind.kind)/2020/indicators.csv"
    let published = try Data(contentsOf: URL(fileURLWithPath: indicators))

    try FileManager.default.removeItem(atPath: survey + "/data/wave-2020.csv")
    try FileManager.default.copyItem(atPath: file, toPath: survey + "/data/wave-2020.csv")
    let run = try PhareProcess.run("run", survey + "/spec.yml", "--out", out)
    #expect(run.status == 2)
    #expect(run.stderr.contains("error: \(survey)/data/wave-2020.csv\(kind.line): \(kind.problem)"), "\(run.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: indicators)) == published)
  }
}
