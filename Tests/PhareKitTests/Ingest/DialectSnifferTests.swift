import Testing

@testable import PhareKit

@Suite struct DialectSnifferTests {
  private func header(_ text: String) -> (Separator, LineEnding) {
    let result = Array(text.utf8).withUnsafeBytes(DialectSniffer.scanHeaderLine)
    return (result.separator, result.lineEnding)
  }

  @Test func separatorIsTheMostFrequentOutsideQuotes() {
    #expect(header("a;b;c\n1;2;3") == (.semicolon, .lf))
    #expect(header("a\tb\tc\r\n") == (.tab, .crlf))
    #expect(header("a,b;c,d\r1") == (.comma, .cr))
    #expect(header("\"a;b;c\",d,e\n") == (.comma, .lf))
    #expect(header("id") == (.comma, .none))
  }

  @Test func tiesPreferSemicolon() {
    #expect(header("a;b,c\n").0 == .semicolon)
  }

  private func evidence(_ text: String, _ separator: Separator, complete: Bool = true) -> SeparatorEvidence {
    Array(text.utf8).withUnsafeBytes { FieldCountSampler.evidence($0, separator: separator, complete: complete) }
  }

  @Test func fieldsAreCountedWithQuotesHonoured() {
    let text = "\"a,b\";c\n1;\"x\ny\"\n2\n\n3;4\n"
    #expect(
      evidence(text, .semicolon) == SeparatorEvidence(separator: .semicolon, headerFields: 2, rows: 3, matchingRows: 2))
    // Split on commas, `"a,b";…` is a quoted field that a quote not followed by a comma does not
    // close (libcsv's lenient reading): it runs on to `y"`, over the first row.
    // libcsv's strict mode refuses that closing quote before `;c`: quotes are not at field edges.
    #expect(
      evidence(text, .comma)
        == SeparatorEvidence(separator: .comma, headerFields: 1, rows: 2, matchingRows: 2, quotesAtFieldEdges: false))
    // A block cut mid-file: its last record may be cut short and is not counted.
    #expect(evidence("a;b\n1;2\n3;", .semicolon, complete: false).rows == 1)
  }

  @Test func atMostFiftyRowsAreSampled() {
    let text = "a;b\n" + String(repeating: "1;2\n", count: 60) + "1\n"
    #expect(
      evidence(text, .semicolon)
        == SeparatorEvidence(separator: .semicolon, headerFields: 2, rows: 50, matchingRows: 50))
  }

  private func choose(_ evidence: [SeparatorEvidence], headerOnly: Separator = .comma) throws -> Separator {
    try DialectSniffer.chooseSeparator(evidence, headerOnly: headerOnly, file: "f.csv", line: 1)
  }

  @Test func theSeparatorWithTheMostRowsLikeTheHeaderWins() throws {
    let comma = SeparatorEvidence(separator: .comma, headerFields: 6, rows: 24, matchingRows: 0)
    let semicolon = SeparatorEvidence(separator: .semicolon, headerFields: 5, rows: 24, matchingRows: 24)
    let tab = SeparatorEvidence(separator: .tab, headerFields: 1, rows: 24, matchingRows: 24)
    #expect(try choose([comma, semicolon, tab]) == .semicolon)
    // A few bad rows do not change the choice.
    let badRows = SeparatorEvidence(separator: .comma, headerFields: 3, rows: 8, matchingRows: 6)
    #expect(
      try choose([badRows, SeparatorEvidence(separator: .semicolon, headerFields: 1, rows: 8, matchingRows: 8)])
        == .comma)
    // No candidate splits the header: one column, read as comma-separated.
    #expect(try choose([SeparatorEvidence(separator: .semicolon, headerFields: 1, rows: 2, matchingRows: 2)]) == .comma)
    // No row after the header: the header line alone decides.
    let headerOnly = [
      SeparatorEvidence(separator: .comma, headerFields: 2, rows: 0, matchingRows: 0),
      SeparatorEvidence(separator: .semicolon, headerFields: 2, rows: 0, matchingRows: 0),
    ]
    #expect(try choose(headerOnly, headerOnly: .semicolon) == .semicolon)
    // The header does not end in the block.
    let unfinished = [SeparatorEvidence(separator: .comma, headerFields: 0, rows: 0, matchingRows: 0)]
    #expect(try choose(unfinished, headerOnly: .tab) == .tab)
  }

  /// `id;"Q1. Selon vous, est-ce utile ?";montant` with decimal commas splits consistently on
  /// commas too, but leaves a quote inside a field: the semicolon is the separator.
  @Test func aSplitLeavingQuotesInsideFieldsLosesATie() throws {
    let rows = (1...5).map { "R\($0);\($0 % 2);123\($0),5" }
    let text = (["id;\"Q1. Selon vous, est-ce utile ?\";montant"] + rows).joined(separator: "\n") + "\n"
    let evidence = Array(text.utf8).withUnsafeBytes { bytes in
      Separator.allCases.map { FieldCountSampler.evidence(bytes, separator: $0, complete: true) }
    }
    let comma = try #require(evidence.first { $0.separator == .comma })
    let semicolon = try #require(evidence.first { $0.separator == .semicolon })
    #expect(comma.matchingRows == 5 && semicolon.matchingRows == 5)
    #expect(!comma.quotesAtFieldEdges && semicolon.quotesAtFieldEdges)
    #expect(try choose(evidence) == .semicolon)
  }

  @Test func equalSharesAreAmbiguous() {
    let comma = SeparatorEvidence(separator: .comma, headerFields: 3, rows: 4, matchingRows: 2)
    let pipe = SeparatorEvidence(separator: .pipe, headerFields: 2, rows: 8, matchingRows: 4)
    let tab = SeparatorEvidence(separator: .tab, headerFields: 2, rows: 4, matchingRows: 1)
    #expect(throws: IngestError.ambiguousSeparator(file: "f.csv", line: 1, evidence: [comma, pipe])) {
      try choose([comma, tab, pipe])
    }
  }

  @Test func excelSeparatorLine() {
    func line(_ text: String) -> (Separator, Int)? {
      Array(text.utf8).withUnsafeBytes(DialectSniffer.excelSeparatorLine).map { ($0.separator, $0.length) }
    }
    #expect(line("sep=;\r\nid;a\n")! == (.semicolon, 7))
    #expect(line("SEP=,\nid,a\n")! == (.comma, 6))
    #expect(line("sep=\t\rid\ta\r")! == (.tab, 6))
    #expect(line("sep=|")! == (.pipe, 5))
    #expect(line("sep=;x\n") == nil)
    #expect(line("sep=:\n") == nil)
    #expect(line("separateur;a\n") == nil)
    // As LibreOffice and Excel re-save it: quoted, padded with separators to the header's width.
    #expect(line("\"sep=;\";;;;\r\nid;a;b;c;d\r\n")! == (.semicolon, 13))
    #expect(line("\"sep=;\"\nid;a\n")! == (.semicolon, 8))
    #expect(line("sep=;;;;\nid;a;b;c\n")! == (.semicolon, 9))
    #expect(line("\"sep=;\n") == nil)
    #expect(line("sep=;;;,\n") == nil)
  }

  @Test func binaryContentIsRecognised() {
    func binary(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes(DialectSniffer.looksBinary) }
    #expect(binary([0x50, 0x4B, 0x03, 0x04, 0x00]))
    #expect(binary(Array(repeating: 0x01, count: 20) + Array("abc".utf8)))
    #expect(!binary(Array("id;nom\r\n1;\u{0C}x\n".utf8)))
  }
}
