import Testing

@testable import PhareKit

@Suite struct TextDecodingTests {
  private func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes(UTF8Validation.isValid) }

  @Test func utf8Validation() {
    #expect(valid(Array("Île-de-France « œ » ’ €".utf8)))
    #expect(valid(Array("𝄞".utf8)))
    #expect(!valid([0xE9]))  // é in Windows-1252
    #expect(!valid([0xC3]))  // truncated sequence
    #expect(!valid([0xC0, 0xAF]))  // overlong
    #expect(!valid([0xED, 0xA0, 0x80]))  // surrogate
    #expect(!valid([0xF4, 0x90, 0x80, 0x80]))  // above U+10FFFF
    #expect(!valid([0x80]))  // lone continuation
  }

  @Test func windows1252TypographicCharacters() {
    let bytes: [UInt8] = [0x92, 0x9C, 0xAB, 0xBB, 0x80, 0xE9, 0xC9, 0x85, 0x96, 0x41]
    let text = bytes.withUnsafeBytes { TextEncoding.windows1252.decode($0) }
    #expect(text == "’œ«»€éÉ…–A")
  }

  @Test func lineBreaksAreCountedAsEditorsDo() {
    func count(_ text: String) -> Int { Array(text.utf8).withUnsafeBytes(LineBreaks.count) }
    #expect(count("a\nb") == 1)
    #expect(count("a\r\nb") == 1)
    #expect(count("a\rb") == 1)
    #expect(count("a\r\rb\n\n") == 4)
    #expect(count("no break") == 0)
  }
}
