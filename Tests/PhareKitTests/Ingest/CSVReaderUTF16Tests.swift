import Testing

@testable import PhareKit

/// Excel's "Unicode text" (UTF-16, tab-separated) is transcoded to UTF-8 and read as UTF-8 is.
@Suite struct CSVReaderUTF16Tests {
  @Test(arguments: [
    ("unicode-text-le-bom.txt", TextEncoding.utf16LittleEndianWithBOM), ("unicode-text-le.txt", .utf16LittleEndian),
    ("unicode-text-be-bom.txt", .utf16BigEndianWithBOM),
  ])
  func unicodeTextExport(file: String, encoding: TextEncoding) throws {
    let result = try CSVReader().read(Fixtures.ingest(file))
    #expect(result.dialect == Dialect(encoding: encoding, separator: .tab, lineEnding: .crlf, decimalComma: false))
    #expect(result.table.schema.fields.map(\.name) == ["id", "région", "avis", "note"])
    #expect(result.rowsRead == 4)
    #expect(result.sourceLines == [2, 3, 5])
    #expect((0..<3).map { result.table["région"]!.text(at: $0) } == ["Île-de-France", "Grand Est", "Corse"])
    #expect((0..<3).map { result.table["avis"]!.text(at: $0) } == ["L’accueil « très bien »", "Oui\tsans doute", nil])
    guard case .numeric(let note) = result.table["note"] else {
      Issue.record("note should be numeric")
      return
    }
    #expect(Array(note.values) == [8, 6, 9])
    // The quarantined row's raw text is read back from the transcoded bytes.
    #expect(result.quarantined.map(\.line) == [4])
    #expect(result.quarantined.first?.rawText == "3\tBretagne\tNon\t5\textra")
  }

  @Test func commaSeparatedUTF16() throws {
    let result = try CSVReader().read(Fixtures.ingest("utf16.csv"))
    #expect(result.dialect.encoding == .utf16LittleEndianWithBOM)
    #expect(result.dialect.separator == .comma)
    #expect(result.table.schema.fields.map(\.name) == ["id", "a"])
    #expect(result.table["a"]!.text(at: 0) == "x")
  }

  @Test func byteOrderFromTheNULBytesOfASCIIText() {
    func detect(_ bytes: [UInt8]) -> TextEncoding? { bytes.withUnsafeBytes(UTF16Text.nulPattern) }
    #expect(
      detect(Array("id\tnom\r\n1\tÉlodie\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        == .utf16LittleEndian)
    #expect(
      detect(Array("id\tnom\r\n1\tÉlodie\r\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) == .utf16BigEndian)
    #expect(detect(Array("id;nom\r\n1;Élodie\r\n".utf8)) == nil)
    #expect(detect([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]) == nil)
    #expect(detect([0x41, 0x00]) == nil)
    // Comments in Chinese or Arabic: fewer NUL high bytes, still only on one side.
    let chinese = "id\tcommentaire\r\n1\t交通很方便，但是公交车太少了\r\n2\t医院太远\r\n"
    #expect(detect(Array(chinese.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) == .utf16LittleEndian)
    let arabic = "id\tcommentaire\r\n1\tالمواصلات جيدة لكن الحافلات قليلة\r\n"
    #expect(detect(Array(arabic.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) == .utf16BigEndian)
  }
}
