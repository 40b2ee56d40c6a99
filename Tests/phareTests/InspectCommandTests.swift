import Foundation
import Testing

/// `phare inspect` as a newcomer or a script meets it: real process, real exit codes.
@Suite struct InspectCommandTests {
  @Test func helpIsUseful() throws {
    let root = try PhareProcess.run("--help")
    #expect(root.status == 0)
    #expect(root.stdout.contains("inspect"))
    #expect(root.stdout.contains("Exit codes"))
    let inspect = try PhareProcess.run("inspect", "--help")
    #expect(inspect.status == 0)
    #expect(inspect.stdout.contains("--json"))
    #expect(inspect.stdout.contains("--separator"))
  }

  @Test func textReportGivesDialectColumnsAndQuarantine() throws {
    let run = try PhareProcess.run("inspect", "--raw", PhareProcess.fixtures + "bad-rows.csv")
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("Encoding     UTF-8"))
    #expect(lines.contains("Separator    comma"))
    #expect(lines.contains("Line ending  LF"))
    #expect(lines.contains("Rows         8 read = 4 kept + 4 quarantined (1 blank lines skipped)"))
    #expect(lines.contains("  3   b     numeric      0        10 to 17"))
    #expect(lines.contains("  line 3: expected 3 fields as in the header, found 2 [ingest.field-count]"))
    #expect(lines.contains("    6,x\"q,14"))
  }

  @Test func jsonReportListsEveryQuarantinedRow() throws {
    let run = try PhareProcess.run(
      "inspect", "--json", "--show-quarantined", "1", PhareProcess.fixtures + "bad-rows.csv")
    #expect(run.status == 0)
    let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [String: Int])
    #expect(rows == ["read": 8, "kept": 4, "quarantined": 4, "blankLines": 1])
    let quarantined = try #require(object["quarantined"] as? [[String: Any]])
    #expect(quarantined.compactMap { $0["line"] as? Int } == [3, 6, 8, 9])
    #expect(quarantined.compactMap { $0["rule"] as? String }.first == "ingest.field-count")
    let columns = try #require(object["columns"] as? [[String: Any]])
    #expect(columns.compactMap { $0["type"] as? String } == ["numeric", "categorical", "numeric"])
    #expect(object["encoding"] as? String == "UTF-8")
  }

  /// Excel's "Unicode text" without a BOM: read, with its encoding named.
  @Test func unicodeTextWithoutBOMIsRead() throws {
    let run = try PhareProcess.run("inspect", PhareProcess.fixtures + "unicode-text-le.txt")
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("Encoding     UTF-16 LE"))
    #expect(lines.contains("Separator    tab"))
    #expect(lines.contains("Rows         4 read = 3 kept + 1 quarantined"))
  }

  @Test func jsonReportHasTheNotes() throws {
    let run = try PhareProcess.run("inspect", "--json", PhareProcess.fixtures + "trailing-empty-columns.csv")
    #expect(run.status == 0)
    let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["notes"] as? [String] == ["line 1: columns 4 to 7 have no name and no value; dropped"])
    #expect((object["columns"] as? [Any])?.count == 3)
  }

  @Test(arguments: [
    ("does-not-exist.csv", "no such file"),
    ("empty.csv", "the file is empty (no header line)"),
    ("header-only.csv", "the file has a header line but no data rows"),
    ("duplicate-header.csv", "line 1: duplicate column names in the header: q1, q2"),
    ("empty-header-name.csv", "line 1: empty column name at position 2 of the header"),
    ("binary.xlsx", "not a text file (binary content, e.g. a spreadsheet or an archive); export it as CSV"),
    ("utf32.txt", "UTF-32 is not supported; export as UTF-8, UTF-16 or Windows-1252"),
    (
      "ambiguous-separator.csv",
      "line 1: cannot tell the separator, comma and semicolon fit equally well (comma: 2 fields in the header and "
        + "in 3 of the 3 rows after it; semicolon: 2 fields in the header and in 3 of the 3 rows after it); "
        + "set `separator:` in the spec's inputs (`--separator` for phare inspect)"
    ),
    ("malformed-header.csv", "line 1: the header line has malformed quoting"),
  ])
  func badFileGivesOneLineAndExitCodeOne(file: String, problem: String) throws {
    let path = PhareProcess.fixtures + file
    let run = try PhareProcess.run("inspect", path)
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "Error: \(path): \(problem)\n")
  }

  /// A UTF-8 export with two Windows-1252 lines: refused naming them, or read with `--encoding mixed`.
  @Test func windows1252LinesInUTF8AreNamedOrReadWhenMixed() throws {
    let file = PhareProcess.fixtures + "utf8-with-windows1252-lines.csv"
    let refused = try PhareProcess.run("inspect", file)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("\(file): lines 5, 7 are not UTF-8 while the rest of the file is"))
    let mixed = try PhareProcess.run("inspect", "--encoding", "mixed", file)
    #expect(mixed.status == 0)
    let lines = mixed.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("Encoding     UTF-8 with Windows-1252 lines"))
    #expect(lines.contains("  lines 5, 7 are not UTF-8, read as Windows-1252 (`encoding: mixed`)"))
    let json = try PhareProcess.run("inspect", "--json", "--encoding", "mixed", file)
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["windows1252Lines"] as? [Int] == [5, 7])
  }

  @Test func unknownSeparatorIsAUsageError() throws {
    let run = try PhareProcess.run("inspect", "--separator", ":", PhareProcess.fixtures + "comma-lf.csv")
    #expect(run.status == 64)
    #expect(run.stderr.contains("unknown separator ':'"))
  }

  /// Without --raw, quarantined rows are listed by line and reason only: a raw export's personal
  /// data (here the short row of the mayors' fixture) is not repeated.
  @Test func rawTextIsShownOnlyOnRequest() throws {
    let path = PhareProcess.fixtures + "../clean/waves/maires-2016.csv"
    let plain = try PhareProcess.run("inspect", path)
    #expect(plain.status == 0)
    #expect(plain.stdout.contains("  line 17: expected 19 fields as in the header, found 18 [ingest.field-count]"))
    #expect(!plain.stdout.contains("Anne Durand") && !plain.stdout.contains("@mairie-exemple.fr"))
    let json = try PhareProcess.run("inspect", "--json", path)
    #expect(!json.stdout.contains("Anne Durand") && json.stdout.contains("\"line\" : 17"))
    let raw = try PhareProcess.run("inspect", "--raw", path)
    #expect(raw.stdout.contains("Anne Durand"))
  }
}
