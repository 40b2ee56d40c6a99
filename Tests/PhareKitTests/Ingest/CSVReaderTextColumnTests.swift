import Testing

@testable import PhareKit

/// A column kept as text comes back byte for byte, row for row, whatever rows around it are
/// rejected and however the file is cut into blocks, with blanks missing and numbers never read.
@Suite struct CSVReaderTextColumnTests {
  private let export = """
    id,note,q1
    007,"a, b",1
    1.0,,2
    12345678901234567890,"x\u{0A}y",3
    bad,"x"
    rest,z,5,6
    C9, spaced ,4
    é,\"\"\"\",5

    """

  @Test func textColumnsKeepEveryKeptRowAsWritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("export.csv", export)
    for blockSize in [3, 7, 64, 1 << 20] {
      var reader = CSVReader(blockSize: blockSize, textColumns: ["id", "note"])
      reader.keepsRawText = false
      let result = try reader.read(path)
      #expect(result.isBalanced, "block size \(blockSize)")
      let kept = (0..<result.rowsKept)
      #expect(
        kept.map { result.table["id"]!.text(at: $0) } == ["007", "1.0", "12345678901234567890", "C9", "é"],
        "block size \(blockSize)")
      #expect(
        kept.map { result.table["note"]!.text(at: $0) } == ["a, b", nil, "x\ny", " spaced ", "\""],
        "block size \(blockSize)")
      guard case .text = result.table["id"] else {
        Issue.record("id should be a text column")
        continue
      }
      #expect(kept.map { result.table["q1"]!.number(at: $0) } == [1, 2, 3, 4, 5])
    }
  }
}
