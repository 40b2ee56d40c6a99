import Testing

@testable import PhareKit

/// Numbers as French exports write them: grouped digits, decimal commas, and the values that read two ways.
@Suite struct GroupedNumberTests {
  private static let codebook = """
    variables:
      id: {type: identifier}
      taille: {type: numeric}
      budget: {type: numeric}
      surface: {type: numeric}
      note: {type: scale, range: [0, 10]}
      code: {type: single, values: {1001: Petite, 2500: Grande}}

    """

  /// A `;` export as French Excel writes it: spaces, no-break spaces (U+00A0) and narrow
  /// no-break spaces (U+202F) between thousands, dots before a decimal comma. budget's other
  /// values settle its `1.234` (dots group thousands in `1.200,50`) and `143,375` (commas are
  /// decimal in `2,5`); taille's `1,234` and surface's `1.234` have nothing to settle them.
  private static let export =
    [
      "id;taille;budget;surface;note;code",
      "A1;1 234;1 200,50;75;7;1 001",
      "A2;1\u{00A0}234;1.200,50;120;8;2\u{00A0}500",
      "A3;12\u{202F}345;1 234 567,5;80;9;1001",
      "A4;1,234;10;60;5;1001",
      "A5;2000;1.234;1.234;6;1001",
      "A6;1.234.567;143,375;90;4;2500",
      "A7;12 34;3;50;2;1001",
      "A8;987;2,5;40;10;2500",
      "A9;4 321;7;30;3;1001",
    ].joined(separator: "\r\n") + "\r\n"

  private func run(_ export: String) throws -> (ingest: IngestResult, wave: CleanWave) {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try folder.write(
      "spec.yml",
      "survey: t\ninputs: {folder: in, wave: {file_name: \"vague-(\\\\d{4})\"}}\ncodebook: codebook.yml\n")
    try folder.write("codebook.yml", Self.codebook)
    try folder.write("in/vague-2024.csv", export)
    let pipeline = try Pipeline.load(spec)
    let file = try #require(pipeline.waves.first)
    let ingest = try CSVReader(textColumns: pipeline.codebook.textColumns).read(file.path)
    return (ingest, try CleanStage(pipeline: pipeline).run(ingest, wave: file))
  }

  private func values(_ wave: CleanWave, _ name: String) throws -> [Double?] {
    let column = try #require(wave.table[name])
    return (0..<wave.rowsClean).map { column.number(at: $0) }
  }

  @Test func groupedDigitsAreReadAndAmbiguousValuesQuarantined() throws {
    let wave = try run(Self.export).wave
    #expect(wave.rowsRead == 9)
    #expect(wave.sourceLines == [2, 3, 4, 7, 9, 10])
    #expect(try values(wave, "taille") == [1234, 1234, 12345, 1_234_567, 987, 4321])
    #expect(try values(wave, "budget") == [1200.5, 1200.5, 1_234_567.5, 143.375, 2.5, 7])
    #expect(try values(wave, "surface") == [75, 120, 80, 90, 40, 30])
    #expect(try values(wave, "note") == [7, 8, 9, 4, 10, 3])
    #expect(try values(wave, "code") == [1001, 2500, 1001, 2500, 2500, 1001])
    let rows = wave.quarantined.map { [String($0.line), $0.respondentID ?? "", $0.rule, $0.message, $0.value ?? ""] }
    let advice = "write thousands with a space (1 234) or none (1234)"
    #expect(
      rows == [
        [
          "5", "A4", "clean.ambiguous-number",
          "taille: '1,234' is ambiguous: 1.234 with a decimal comma or 1234 with a thousands separator; \(advice)",
          "1,234",
        ],
        [
          "6", "A5", "clean.ambiguous-number",
          "surface: '1.234' is ambiguous: 1.234 with a decimal point or 1234 with a thousands separator; \(advice)",
          "1.234",
        ],
        ["8", "A7", "clean.unknown-answer", "taille: not a number", "12 34"],
      ])
  }

  /// Ingest types a column numeric exactly when the clean stage reads every value of it as a number,
  /// settling ambiguous values by the column's other values as the clean stage does.
  @Test func ingestTypeInferenceAgreesWithTheCleanStage() throws {
    let table = try run(Self.export).ingest.table
    let rows = 0..<9
    #expect(table["budget"]?.type == .numeric)
    #expect(
      rows.map { table["budget"]?.number(at: $0) } == [1200.5, 1200.5, 1_234_567.5, 10, 1234, 143.375, 3, 2.5, 7])
    #expect(table["code"]?.type == .numeric)
    #expect(rows.map { table["code"]?.number(at: $0) } == [1001, 2500, 1001, 1001, 1001, 2500, 1001, 2500, 1001])
    #expect(table["note"]?.type == .numeric)
    // `1,234` (ambiguous) and `12 34` (not a number) leave taille text, `1.234` leaves surface text.
    #expect(table["taille"]?.isNumeric == false)
    #expect(table["surface"]?.isNumeric == false)
    #expect(table["taille"]?.text(at: 3) == "1,234")
    #expect(table["surface"]?.text(at: 4) == "1.234")
    let grouped = try run(
      "id;taille;budget;surface;note;code\r\nA1;1 234;1.200,50;1;7;1 001\r\nA2;2 000;3,5;2;8;2500\r\n")
    #expect(grouped.ingest.table["taille"].map { c in (0..<2).map { c.number(at: $0) } } == [1234, 2000])
    #expect(grouped.ingest.table["budget"].map { c in (0..<2).map { c.number(at: $0) } } == [1200.5, 3.5])
  }

  /// `1,2340` is read as a number, then rendered back when `abc` turns the column to text:
  /// the rendering must not become the ambiguous `1,234`.
  @Test func aNumberRenderedBackStaysUnambiguous() throws {
    let (ingest, wave) = try run("id;taille;budget;surface;note;code\r\nA1;1;1,2340;1;7;1001\r\nA2;2;abc;1;8;2500\r\n")
    #expect(ingest.table["budget"]?.text(at: 0) == "1,2340")
    #expect(wave.sourceLines == [2])
    #expect(try values(wave, "budget") == [1.234])
    #expect(wave.quarantined.map(\.message) == ["budget: not a number"])
  }

  /// In a file whose decimal mark is `.` (comma-separated), `1.234` is 1.234; `"1,234"` still reads two ways.
  @Test func aDecimalPointFileSettlesTheDot() throws {
    let export = "id,taille,budget,surface,note,code\nA1,\"1,234\",1.234,1,7,1001\nA2,2000,\"1,234.5\",1,8,2500\n"
    let wave = try run(export).wave
    #expect(wave.sourceLines == [3])
    #expect(try values(wave, "budget") == [1234.5])
    #expect(
      wave.quarantined.map(\.message) == [
        "taille: '1,234' is ambiguous: 1.234 with a decimal comma or 1234 with a thousands separator; "
          + "write thousands with a space (1 234) or none (1234)"
      ])
    let settled = try run("id,taille,budget,surface,note,code\nA1,5,1.234,1,7,1001\n").wave
    #expect(try values(settled, "budget") == [1.234])
  }
}
