import Testing

@testable import PhareKit

/// Rows that cannot be kept are quarantined with file, line, reason and raw text, and counted.
@Suite struct CSVReaderQuarantineTests {
  @Test func badRowsAreQuarantinedWithTheirLinesAndTheRestIsKept() throws {
    let path = Fixtures.ingest("bad-rows.csv")
    let result = try CSVReader().read(path)
    #expect(result.rowsRead == 8)
    #expect(result.rowsKept == 4)
    #expect(result.rowsQuarantined == 4)
    #expect(result.isBalanced)
    #expect(result.blankLines == 1)
    guard case .numeric(let ids) = result.table["id"], case .numeric(let b) = result.table["b"] else {
      Issue.record("id and b should be numeric")
      return
    }
    #expect(Array(ids.values) == [1, 3, 5, 8])
    #expect(result.sourceLines == [2, 4, 7, 10])
    #expect(Array(b.values) == [10, 11, 13, 17])
    #expect(result.quarantined.map(\.file) == Array(repeating: path, count: 4))
    #expect(result.quarantined.map(\.line) == [3, 6, 8, 9])
    #expect(result.quarantined.map(\.lineCount) == [1, 1, 1, 1])
    #expect(
      result.quarantined.map(\.rule) == [
        "ingest.field-count", "ingest.malformed-quote", "ingest.malformed-quote", "ingest.field-count",
      ])
    #expect(result.quarantined.map(\.rawText) == ["2,y", "4,\"z\"w,12", "6,x\"q,14", "7,x,15,16"])
    #expect(result.quarantined[0].message == "expected 3 fields as in the header, found 2")
    #expect(result.quarantined[3].message == "expected 3 fields as in the header, found 4")
  }

  @Test func unterminatedQuoteIsQuarantinedToTheEndOfTheFile() throws {
    let result = try CSVReader().read(Fixtures.ingest("unterminated-quote.csv"))
    #expect(result.rowsKept == 1)
    #expect(result.isBalanced)
    let row = try #require(result.quarantined.first)
    #expect(row.line == 3)
    #expect(row.lineCount == 2)
    #expect(row.rule == "ingest.unterminated-quote")
    #expect(row.rawText == "2,\"never closed\n3,y")
  }

  @Test func multiLineRecordSpansItsPhysicalLines() throws {
    let result = try CSVReader().read(Fixtures.ingest("quoted-fields.csv"))
    #expect(result.rowsRead == 6)
    #expect(result.rowsKept == 5)
    #expect(result.sourceLines == [2, 3, 5, 8, 10])
    #expect(result.isBalanced)
  }

  /// A stray value in a rejected row must not change the type of the column it landed in.
  @Test func rejectedRowDoesNotChangeColumnTypes() throws {
    let result = try CSVReader().read(Fixtures.ingest("mixed-types.csv"))
    #expect(result.quarantined.map(\.line) == [5])
    #expect(result.table.schema.fields.map(\.type) == [.numeric, .text, .categorical, .numeric])
    guard case .numeric(let note) = result.table["note"], case .categorical(let q) = result.table["q"] else {
      Issue.record("note should be numeric and q categorical")
      return
    }
    #expect(Array(note.values) == [4, 5, 6, 7, 8, 9, 10])
    #expect(q.levels == ["1", "2", "NSP"])
    #expect(Array(q.codes) == [0, 1, 2, 1, 0, 2, 0])
    // Identifiers with a leading zero stay text, exactly as written.
    #expect(result.table["insee"]!.text(at: 0) == "01001")
    #expect(result.table["insee"]!.text(at: 2) == "2A004")
  }
}
