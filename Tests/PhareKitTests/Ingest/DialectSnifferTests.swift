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

  @Test func binaryContentIsRecognised() {
    func binary(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes(DialectSniffer.looksBinary) }
    #expect(binary([0x50, 0x4B, 0x03, 0x04, 0x00]))
    #expect(binary(Array(repeating: 0x01, count: 20) + Array("abc".utf8)))
    #expect(!binary(Array("id;nom\r\n1;\u{0C}x\n".utf8)))
  }
}
