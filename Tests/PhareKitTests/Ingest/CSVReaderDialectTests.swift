import Testing

@testable import PhareKit

/// One committed file per dialect met in French survey exports, with exact decoded values.
@Suite struct CSVReaderDialectTests {
  @Test func commaSeparatedUTF8WithLF() throws {
    let result = try CSVReader().read(Fixtures.ingest("comma-lf.csv"))
    #expect(result.dialect == Dialect(encoding: .utf8, separator: .comma, lineEnding: .lf, decimalComma: false))
    let table = result.table
    #expect(table.rowCount == 4)
    #expect(table.schema.fields.map(\.name) == ["id", "region", "sexe", "q1", "commentaire"])
    guard case .numeric(let q1) = table["q1"] else { Issue.record("q1 is not numeric"); return }
    #expect(q1[0] == 7)
    #expect(q1[1] == nil)
    #expect(q1[2] == 10)
    #expect(q1.missing.missingCount == 1)
    #expect(q1.values[1].isNaN)
    let comments = (0..<4).map { table["commentaire"]!.text(at: $0) }
    #expect(comments == ["Très bien", "Accès au numérique, mobilité", "Il a dit \"non\"", nil])
  }

  @Test func semicolonUTF8WithBOMAndCRLFReadsDecimalCommas() throws {
    let result = try CSVReader().read(Fixtures.ingest("semicolon-crlf-bom.csv"))
    #expect(
      result.dialect == Dialect(encoding: .utf8WithBOM, separator: .semicolon, lineEnding: .crlf, decimalComma: true))
    let table = result.table
    #expect(table.schema.fields.first?.name == "id")
    #expect(table.schema.index(of: "région") == 1)
    guard case .numeric(let score) = table["score"], case .numeric(let weight) = table["poids"] else {
      Issue.record("score and poids should be numeric")
      return
    }
    #expect((0..<4).map { score[$0] } == [7.5, 8, 6.5, nil])
    #expect(Array(weight.values) == [1.25, 0.75, 1, 2])
    #expect(table["région"]!.text(at: 0) == "Île-de-France")
    #expect(table["réponse"]!.text(at: 0) == "Oui, tout à fait")
    #expect(table["réponse"]!.text(at: 3) == "L’emploi « d’abord »")
  }

  @Test func tabSeparatedWithCRKeepsSignificantSpaces() throws {
    let result = try CSVReader().read(Fixtures.ingest("tab-cr.tsv"))
    #expect(result.dialect.separator == .tab)
    #expect(result.dialect.lineEnding == .cr)
    #expect(result.rowsKept == 3)
    #expect((0..<3).map { result.table["nom"]!.text(at: $0) } == ["  Jean  ", "Marie Claire", " "])
    #expect((0..<3).map { result.table["note"]!.text(at: $0) } == ["5", nil, "8"])
  }

  @Test func windows1252IsDetectedAndTranscoded() throws {
    let result = try CSVReader().read(Fixtures.ingest("windows1252.csv"))
    #expect(result.dialect.encoding == .windows1252)
    #expect(result.table.schema.fields.map(\.name) == ["id", "libellé", "avis"])
    #expect(result.table["libellé"]!.text(at: 1) == "Santé")
    #expect(result.table["avis"]!.text(at: 0) == "L’œuvre « très » utile")
    #expect(result.table["avis"]!.text(at: 1) == "Coût 5 €")
    #expect(result.table["avis"]!.text(at: 2) == nil)
  }

  @Test func quotedFieldsKeepSeparatorsLineBreaksAndDoubledQuotes() throws {
    let result = try CSVReader().read(Fixtures.ingest("quoted-fields.csv"))
    #expect(result.dialect.lineEnding == .crlf)
    let text = (0..<5).map { result.table["texte"]!.text(at: $0) }
    #expect(text == ["un, deux", "ligne 1\nligne 2", "a\r\nb\r\nc", "il dit \"oui\"", nil])
    // The row after three multi-line records is reported at its physical line.
    #expect(result.quarantined.map(\.line) == [9])
    #expect(result.quarantined.first?.rawText == "5,trop,de,champs")
  }

  @Test func lastRowWithoutNewlineIsKept() throws {
    let result = try CSVReader().read(Fixtures.ingest("no-final-newline.csv"))
    #expect(result.dialect.lineEnding == .lf)
    #expect((0..<2).map { result.table["a"]!.text(at: $0) } == ["x", "y"])
  }

  @Test func separatorCanBeForced() throws {
    let result = try CSVReader(separator: .semicolon).read(Fixtures.ingest("comma-lf.csv"))
    #expect(result.table.schema.fields.map(\.name) == ["id,region,sexe,q1,commentaire"])
    // Read as one column, the rows with quotes in mid-field become malformed.
    #expect(result.rowsKept == 2)
    #expect(result.quarantined.map(\.line) == [3, 4])
    #expect(result.quarantined.map(\.rule) == ["ingest.malformed-quote", "ingest.malformed-quote"])
  }

  /// Every block size splits fields, quotes, CRLF pairs and the BOM differently; the result must not change.
  @Test(arguments: [
    "comma-lf.csv", "semicolon-crlf-bom.csv", "tab-cr.tsv", "windows1252.csv", "quoted-fields.csv", "bad-rows.csv",
    "unterminated-quote.csv", "mixed-types.csv", "unicode-text-le-bom.txt", "unicode-text-le.txt",
    "unicode-text-be-bom.txt", "excel-sep-line.csv", "trailing-empty-columns.csv", "semicolon-quoted-commas.csv",
  ])
  func resultDoesNotDependOnBlockSize(file: String) throws {
    let reference = try CSVReader().read(Fixtures.ingest(file))
    for blockSize in [1, 2, 3, 5, 7, 16] {
      let result = try CSVReader(blockSize: blockSize).read(Fixtures.ingest(file))
      #expect(result.table == reference.table, "block size \(blockSize)")
      #expect(result.quarantined == reference.quarantined, "block size \(blockSize)")
      #expect(result.blankLines == reference.blankLines, "block size \(blockSize)")
      #expect(result.sourceLines == reference.sourceLines, "block size \(blockSize)")
      #expect(result.notes == reference.notes, "block size \(blockSize)")
    }
  }
}
