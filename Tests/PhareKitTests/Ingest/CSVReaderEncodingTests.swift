import Foundation
import Testing

@testable import PhareKit

/// UTF-8 checked line by line: rows appended in Windows-1252 to a UTF-8 export are named, or read
/// as Windows-1252 and listed when `encoding: mixed` asks for it.
@Suite struct CSVReaderEncodingTests {
  private let mixedFile = Fixtures.ingest("utf8-with-windows1252-lines.csv")

  @Test func windows1252LinesInAUTF8FileAreRefusedByLine() throws {
    let expected = IngestError.linesNotUTF8(file: mixedFile, lines: [5, 7], count: 2)
    #expect(throws: expected) { try CSVReader().read(mixedFile) }
    #expect(throws: expected) { try CSVReader(encoding: .utf8).read(mixedFile) }
    #expect(
      expected.description
        == "\(mixedFile): lines 5, 7 are not UTF-8 while the rest of the file is (rows appended by another tool?); "
        + "re-export as UTF-8, or set `encoding: mixed` in the spec's inputs (`--encoding mixed` for phare inspect) "
        + "to read them as Windows-1252")
  }

  @Test func mixedReadsEachLineInItsEncodingAndListsTheWindows1252Ones() throws {
    let result = try CSVReader(encoding: .mixed).read(mixedFile)
    #expect(result.dialect.encoding == .utf8WithWindows1252Lines)
    #expect(result.windows1252Lines == [5, 7])
    #expect(result.notes == ["lines 5, 7 are not UTF-8, read as Windows-1252 (`encoding: mixed`)"])
    #expect(result.sourceLines == [2, 3, 5, 6, 7, 8])
    let communes = (0..<6).map { result.table["commune"]!.text(at: $0) }
    #expect(communes == ["Évry", "Sète", "Béthune", "Orléans", "Saint-Étienne", "Vannes"])
    let comments = (0..<6).map { result.table["commentaire"]!.text(at: $0) }
    #expect(comments == ["Accès rapide", "Trop d’attente,\nencore", "RAS", "Ça dépend", "L’œuvre « utile »", nil])
    // `Très satisfait` in UTF-8 and in Windows-1252 is one level.
    guard case .categorical(let avis) = result.table["avis"]! else {
      Issue.record("avis is not categorical")
      return
    }
    #expect(avis.levels == ["Peu satisfait", "Très satisfait"])
    let answers = (0..<6).map { result.table["avis"]!.text(at: $0) }
    #expect(
      answers == [
        "Très satisfait", "Peu satisfait", "Très satisfait", "Peu satisfait", "Très satisfait", "Très satisfait",
      ])
  }

  /// A quoted comment whose first line is UTF-8 and second Windows-1252: each line in its own encoding.
  @Test func mixedDecodesEachPhysicalLineOfAMultiLineValue() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/mixed.csv"
    let bytes =
      Array("id;commentaire\n1;\"Première ligne é\n".utf8) + [
        0x53, 0x65, 0x63, 0x6F, 0x6E, 0x64, 0x65, 0x20, 0xE9, 0x74, 0xE9,
      ]
      + Array("\"\n2;Très bien\n".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let result = try CSVReader(encoding: .mixed).read(path)
    #expect(result.windows1252Lines == [3])
    #expect(result.table["commentaire"]!.text(at: 0) == "Première ligne é\nSeconde été")
    #expect(result.table["commentaire"]!.text(at: 1) == "Très bien")
  }

  @Test func mixedDoesNotDependOnBlockSize() throws {
    let reference = try CSVReader(encoding: .mixed).read(mixedFile)
    for blockSize in [1, 2, 3, 5, 7, 16] {
      let result = try CSVReader(blockSize: blockSize, encoding: .mixed).read(mixedFile)
      #expect(result.table == reference.table, "block size \(blockSize)")
      #expect(result.windows1252Lines == [5, 7], "block size \(blockSize)")
    }
  }

  @Test func forcedWindows1252ReadsEveryLineSo() throws {
    let result = try CSVReader(encoding: .windows1252).read(mixedFile)
    #expect(result.dialect.encoding == .windows1252)
    #expect(result.table["commune"]!.text(at: 0) == "Ã‰vry")
    #expect(result.table["commune"]!.text(at: 2) == "Béthune")
    #expect(result.windows1252Lines == [])
  }

  @Test func anAllWindows1252FileStaysWindows1252() throws {
    let result = try CSVReader().read(Fixtures.ingest("windows1252.csv"))
    #expect(result.dialect.encoding == .windows1252)
    #expect(result.windows1252Lines == [])
    #expect(result.notes == [])
    #expect(result.table["avis"]!.text(at: 0) == "L’œuvre « très » utile")
  }

  @Test func aUTF8FileStaysUTF8WithNoNote() throws {
    let result = try CSVReader(encoding: .mixed).read(Fixtures.ingest("comma-lf.csv"))
    #expect(result.dialect.encoding == .utf8)
    #expect(result.windows1252Lines == [])
    #expect(result.notes == [])
  }

  @Test func longListsOfLinesAreCapped() {
    let error = IngestError.linesNotUTF8(file: "f.csv", lines: Array(2...11), count: 14)
    #expect(error.problem.hasPrefix("lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 4 more are not UTF-8"))
    #expect(
      TableAssembler.windows1252Note(Array(2...13))
        == "lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more are not UTF-8, read as Windows-1252 (`encoding: mixed`)")
    #expect(TableAssembler.windows1252Note([4]) == "line 4 is not UTF-8, read as Windows-1252 (`encoding: mixed`)")
  }
}
