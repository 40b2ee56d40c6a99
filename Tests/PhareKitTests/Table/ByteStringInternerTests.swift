import Testing

@testable import PhareKit

@Suite struct ByteStringInternerTests {
  @Test func equalBytesShareACodeAcrossRehashes() {
    var interner = ByteStringInterner()
    func intern(_ text: String) -> Int32 { Array(text.utf8).withUnsafeBytes { interner.intern($0) } }
    let values = (0..<1000).map { "valeur \($0)" }
    let codes = values.map(intern)
    #expect(codes == (0..<1000).map(Int32.init))
    #expect(values.map(intern) == codes)
    #expect(intern("") == 1000)
    #expect(intern("") == 1000)
    #expect(interner.count == 1001)
    #expect(interner.withBytes(of: 42) { String(decoding: $0, as: UTF8.self) } == "valeur 42")
  }
}

@Suite struct ByteStringInternerShortStringTests {
  /// Short strings are compared by packed prefix and length: trailing NUL bytes and prefixes must not collide.
  @Test func shortStringsThatShareBytesStayDistinct() {
    var interner = ByteStringInterner()
    let values: [[UInt8]] = [
      [0x41], [0x41, 0], [0x41, 0, 0], Array("rural".utf8), Array("rurale".utf8), Array("12345678".utf8),
      Array("123456789".utf8), Array("12345678X".utf8),
    ]
    let codes = values.map { bytes in bytes.withUnsafeBytes { interner.intern($0) } }
    #expect(codes == (0..<8).map(Int32.init))
    #expect(values.map { bytes in bytes.withUnsafeBytes { interner.intern($0) } } == codes)
  }
}
