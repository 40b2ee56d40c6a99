import Testing

@testable import PhareKit

/// The separator is the candidate whose field counts agree over the header and the rows after
/// it, not the most frequent character of the header line.
@Suite struct CSVReaderSeparatorTests {
  /// `"Q1. Selon vous, …";"Q2. Note, …"`: six commas inside quotes, two semicolons outside.
  @Test func quotedHeaderNamesWithCommasInASemicolonExport() throws {
    let result = try CSVReader().read(Fixtures.ingest("semicolon-quoted-commas.csv"))
    #expect(
      result.dialect == Dialect(encoding: .utf8, separator: .semicolon, lineEnding: .crlf, decimalComma: true))
    #expect(
      result.table.schema.fields.map(\.name) == [
        "Q1. Selon vous, la mairie écoute-t-elle ?", "Q2. Note, de 0 à 10", "Q3. Commune (code, nom)",
      ])
    #expect(result.rowsKept == 3)
    guard case .numeric(let note) = result.table["Q2. Note, de 0 à 10"] else {
      Issue.record("Q2 should be numeric")
      return
    }
    #expect(Array(note.values) == [7.5, 8, 6.5])
    #expect(
      (0..<3).map { result.table["Q3. Commune (code, nom)"]!.text(at: $0) } == [
        "75056, Paris", "13055, Marseille", "69123, Lyon",
      ])
    #expect(result.notes == [])
  }

  /// mholt/PapaParse#600: unquoted header names hold five commas against four semicolons.
  @Test func unquotedHeaderNamesWithCommasInASemicolonExport() throws {
    let result = try CSVReader().read(Fixtures.ingest("header-commas-semicolon/data/wave-2020.csv"))
    #expect(result.dialect.separator == .semicolon)
    #expect(
      result.table.schema.fields.map(\.name) == [
        "id", "Région (code INSEE, 2 chiffres)", "Sexe (1 = homme, 2 = femme)", "Satisfait (1 oui, 2 non, 9 NSP)",
        "Note (0 à 10, décimale possible)",
      ])
    #expect(result.rowsRead == 24)
    #expect(result.rowsKept == 24)
    guard case .numeric(let note) = result.table["Note (0 à 10, décimale possible)"] else {
      Issue.record("the note should be numeric")
      return
    }
    #expect(Array(note.values.prefix(4)) == [8.25, 4.5, 5, 7.5])
    #expect(result.table["id"]!.text(at: 23) == "R024")
  }

  /// Excel's `sep=;` first line sets the separator and is skipped; lines stay physical lines.
  @Test func excelSeparatorLineIsHonouredAndSkipped() throws {
    let result = try CSVReader().read(Fixtures.ingest("excel-sep-line.csv"))
    #expect(result.dialect.separator == .semicolon)
    #expect(result.headerLine == 2)
    #expect(result.table.schema.fields.map(\.name) == ["id", "avis, en clair", "note"])
    #expect(result.sourceLines == [3, 4, 6])
    #expect((0..<3).map { result.table["avis, en clair"]!.text(at: $0) } == ["Oui, tout à fait", "Non", "Oui, plutôt"])
    #expect(result.quarantined.map(\.line) == [5])
    #expect(result.quarantined.first?.rawText == "3;Plutôt oui")
    #expect(result.quarantined.first?.message == "expected 3 fields as in the header, found 2")
    #expect(result.notes == ["line 1: Excel's `sep=;` sets the separator (semicolon); the line is skipped"])
  }

  /// A forced separator wins over the `sep=` line, which is still skipped.
  @Test func forcedSeparatorStillSkipsTheSeparatorLine() throws {
    let result = try CSVReader(separator: .comma).read(Fixtures.ingest("excel-sep-line.csv"))
    #expect(result.headerLine == 2)
    #expect(result.table.schema.fields.map(\.name) == ["id;avis", "en clair;note"])
  }

  /// `id;q1;q2;;;;`: Excel's trailing separators make four unnamed, empty columns.
  @Test func trailingUnnamedEmptyColumnsAreDroppedWithANote() throws {
    let result = try CSVReader().read(Fixtures.ingest("trailing-empty-columns.csv"))
    #expect(result.table.schema.fields.map(\.name) == ["id", "q1", "q2"])
    #expect(result.table.columns.count == 3)
    #expect(result.rowsKept == 3)
    #expect(result.quarantined == [])
    #expect((0..<3).map { result.table["q2"]!.text(at: $0) } == ["Oui", "Non", "Oui"])
    #expect(result.notes == ["line 1: columns 4 to 7 have no name and no value; dropped"])
    let report = InspectionReport(result).text(quarantineLimit: 10)
    #expect(report.hasSuffix("Notes\n  line 1: columns 4 to 7 have no name and no value; dropped"))
  }

  /// Rows that leave out all the unnamed trailing columns are whole rows; a row of another width
  /// (one short of a named column, or a stray separator that shifts its values) is not.
  @Test func rowsMayLeaveOutUnnamedTrailingColumns() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("ragged.csv", "id;q1;q2;;;\n1;2;3\n4;;5;6\n7;8;9;;;\n10;11\n12;13;14\n")
    let result = try CSVReader().read(path)
    #expect(result.table.schema.fields.map(\.name) == ["id", "q1", "q2"])
    #expect(result.sourceLines == [2, 4, 6])
    #expect((0..<3).map { result.table["q2"]!.number(at: $0) } == [3, 9, 14])
    #expect(
      result.quarantined.map { "\($0.line) \($0.rule) \($0.message)" } == [
        "3 ingest.field-count expected 6 fields as in the header, found 4",
        "5 ingest.field-count expected 6 fields as in the header, found 2",
      ])
  }

  /// 4,000 question names with two commas each (170 KiB of header): the rows after it are still weighed.
  @Test func longHeaderOfQuestionNamesWithCommas() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let names = (1...4000).map { "Q\($0). Selon vous, la commune, agit-elle ?" }
    let values = (1...4000).map { $0 % 2 == 0 ? "\($0 % 5),5" : "\($0 % 5)" }
    let path = try folder.write(
      "wide.csv", names.joined(separator: ";") + "\r\n" + values.joined(separator: ";") + "\r\n")
    let result = try CSVReader().read(path)
    #expect(result.dialect.separator == .semicolon)
    #expect(result.table.schema.fields.count == 4000)
    #expect(result.table.schema.fields.last?.name == "Q4000. Selon vous, la commune, agit-elle ?")
    #expect(result.rowsKept == 1)
  }

  @Test func twoSeparatorsThatFitEquallyWellStopWithTheEvidence() {
    let path = Fixtures.ingest("ambiguous-separator.csv")
    let evidence = [
      SeparatorEvidence(separator: .comma, headerFields: 2, rows: 3, matchingRows: 3),
      SeparatorEvidence(separator: .semicolon, headerFields: 2, rows: 3, matchingRows: 3),
    ]
    #expect(throws: IngestError.ambiguousSeparator(file: path, line: 1, evidence: evidence)) {
      try CSVReader().read(path)
    }
    // Told which separator, it reads the file.
    let result = try? CSVReader(separator: .semicolon).read(path)
    #expect(result?.table.schema.fields.map(\.name) == ["code", "libellé,court"])
  }

  @Test func pipeSeparatedExport() throws {
    let result = try CSVReader().read(Fixtures.ingest("pipe.txt"))
    #expect(result.dialect == Dialect(encoding: .utf8, separator: .pipe, lineEnding: .lf, decimalComma: false))
    #expect(result.table.schema.fields.map(\.name) == ["id", "commune", "note"])
    #expect(result.table["commune"]!.text(at: 0) == "Saint-Denis, La Réunion")
  }

  /// The fixtures read before evidence-based detection keep their separator.
  @Test(arguments: [
    ("comma-lf.csv", Separator.comma), ("semicolon-crlf-bom.csv", .semicolon), ("tab-cr.tsv", .tab),
    ("windows1252.csv", .semicolon), ("quoted-fields.csv", .comma), ("bad-rows.csv", .comma),
    ("mixed-types.csv", .comma), ("unterminated-quote.csv", .comma), ("no-final-newline.csv", .comma),
  ])
  func existingDialectsAreUnchanged(file: String, separator: Separator) throws {
    #expect(try CSVReader().read(Fixtures.ingest(file)).dialect.separator == separator)
  }
}
