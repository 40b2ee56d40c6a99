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
