import Testing

@testable import PhareKit

/// Personal columns keep only whether each cell is filled: the values never reach the table,
/// and rows, rejections and the other columns are read as without the option.
@Suite struct CSVReaderPersonalDataTests {
  private let export = """
    id,email,telephone,q1
    R1,anne.martin@example.fr,0601020304,1
    R2,,0605060708,2
    R3,"jean,dupont@example.fr",,3
    R4,"guillemet""@example.fr",0611121314,1,9
    R5,paul@example.fr,0622232425,2

    """

  @Test func personalColumnsKeepOnlyWhichCellsAreFilled() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("export.csv", export)
    var reader = CSVReader(textColumns: ["id"])
    reader.personalColumns = ["email", "telephone", "id"]
    let result = try reader.read(path)
    #expect(result.rowsRead == 5)
    #expect(result.rowsKept == 4)
    #expect(result.quarantined.map(\.line) == [5])
    for (name, filled) in [("email", [true, false, true, true]), ("telephone", [true, true, false, true])] {
      guard case .categorical(let column) = result.table[name] else {
        Issue.record("\(name) should be one level of filled cells")
        continue
      }
      #expect(column.levels == [ColumnBuilder.personalDataLevel], "\(name)")
      #expect((0..<4).map { column[$0] != nil } == filled, "\(name)")
    }
    // A column also kept as text (an identifier) keeps its text.
    #expect((0..<4).map { result.table["id"]!.text(at: $0) } == ["R1", "R2", "R3", "R5"])
    #expect((0..<4).map { result.table["q1"]!.number(at: $0) } == [1, 2, 3, 2])
    // No value of a personal column is anywhere in what was read.
    let everything = result.table.columns.flatMap { column in (0..<4).compactMap { column.text(at: $0) } }
    #expect(!everything.contains { $0.contains("@") || $0.hasPrefix("06") })
  }
}
