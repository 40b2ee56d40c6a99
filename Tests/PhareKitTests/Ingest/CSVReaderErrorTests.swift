import Testing

@testable import PhareKit

/// Files that cannot be read at all fail with one error naming the file and the problem.
@Suite struct CSVReaderErrorTests {
  @Test func missingFile() {
    let path = Fixtures.ingest("does-not-exist.csv")
    #expect(throws: IngestError.fileNotFound(file: path)) { try CSVReader().read(path) }
    #expect(IngestError.fileNotFound(file: path).description == "\(path): no such file")
  }

  @Test func directoryIsNotAFile() {
    let path = Fixtures.ingest("")
    #expect(throws: IngestError.notARegularFile(file: path)) { try CSVReader().read(path) }
  }

  @Test func emptyFile() {
    let path = Fixtures.ingest("empty.csv")
    #expect(throws: IngestError.emptyFile(file: path)) { try CSVReader().read(path) }
  }

  @Test func headerOnly() {
    let path = Fixtures.ingest("header-only.csv")
    #expect(throws: IngestError.headerOnly(file: path)) { try CSVReader().read(path) }
    #expect(IngestError.headerOnly(file: "h.csv").description == "h.csv: the file has a header line but no data rows")
  }

  @Test func duplicateColumnNames() {
    let path = Fixtures.ingest("duplicate-header.csv")
    #expect(throws: IngestError.duplicateColumnNames(file: path, names: ["q1", "q2"])) { try CSVReader().read(path) }
    #expect(
      IngestError.duplicateColumnNames(file: "d.csv", names: ["q1", "q2"]).description
        == "d.csv: line 1: duplicate column names in the header: q1, q2")
  }

  @Test func emptyColumnName() {
    let path = Fixtures.ingest("empty-header-name.csv")
    #expect(throws: IngestError.emptyColumnNames(file: path, positions: [2])) { try CSVReader().read(path) }
  }

  @Test func binaryFile() {
    let path = Fixtures.ingest("binary.xlsx")
    #expect(throws: IngestError.binaryFile(file: path)) { try CSVReader().read(path) }
  }

  @Test func utf32IsRefusedByName() {
    let path = Fixtures.ingest("utf32.txt")
    #expect(throws: IngestError.unsupportedEncoding(file: path, encoding: "UTF-32")) { try CSVReader().read(path) }
  }

  @Test func utf16CutShortIsRefused() {
    let path = Fixtures.ingest("utf16-odd-length.txt")
    #expect(throws: IngestError.undecodable(file: path, encoding: .utf16LittleEndianWithBOM)) {
      try CSVReader().read(path)
    }
    #expect(
      IngestError.undecodable(file: "u.txt", encoding: .utf16LittleEndianWithBOM).description
        == "u.txt: starts with a UTF-16 LE byte-order mark but is not valid UTF-16 LE "
        + "(cut short, or two encodings mixed?)")
    #expect(
      IngestError.undecodable(file: "u.txt", encoding: .utf16BigEndian).problem
        == "has the NUL bytes of UTF-16 BE text but is not valid UTF-16 BE (cut short, or two encodings mixed?)")
  }

  @Test func unnamedTrailingColumnWithAValueIsRefused() {
    let path = Fixtures.ingest("trailing-filled-column.csv")
    let expected = IngestError.unnamedColumnWithValues(file: path, position: 4, headerLine: 1, firstLine: 3, rows: 1)
    #expect(throws: expected) { try CSVReader().read(path) }
    #expect(
      expected.problem
        == "line 3: column 4 has no name in the header (line 1) but holds a value here; name the column or remove "
        + "its values")
  }

  /// A header with dozens of unnamed columns gives a short message: ten positions, then a count.
  @Test func emptyColumnPositionsAreCapped() {
    let path = Fixtures.ingest("many-empty-names.csv")
    let error = IngestError.emptyColumnNames(file: path, positions: Array(2...31))
    #expect(throws: error) { try CSVReader().read(path) }
    #expect(
      error.problem
        == "line 1: empty column names at positions 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 20 more of the header")
  }

  @Test func malformedHeader() {
    let path = Fixtures.ingest("malformed-header.csv")
    #expect(throws: IngestError.malformedHeader(file: path, line: 1)) { try CSVReader().read(path) }
  }
}
