import Testing

@testable import PhareKit

/// Old DOS tools end a text file with Ctrl-Z: the mark is not a record, and not a cut last line.
@Suite struct EndOfFileMarkTests {
  @Test func aFinalCtrlZIsIgnoredWhateverTheBlockSize() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("dos.csv", "id;q\r\n1;2\r\n3;4\r\n\u{1A}")
    for blockSize in [1, 2, 3, 7, 1 << 16] {
      let result = try CSVReader(blockSize: blockSize).read(path)
      #expect(result.rowsRead == 2 && result.rowsQuarantined == 0, "block size \(blockSize)")
      #expect(result.notes == ["the file ends with a DOS end-of-file mark (Ctrl-Z); ignored"])
    }
    #expect(try ExportSnapshot.take(path).endsWithLineBreak)
    // Inside the text it is an ordinary byte of its field.
    let inside = try folder.write("inside.csv", "id;q\n1;a\u{1A}b\n")
    #expect(try CSVReader().read(inside).table["q"]?.text(at: 0) == "a\u{1A}b")
  }
}
