import Testing

@testable import PhareKit

/// A code's field is found whether the code is near the smallest (the table) or far from it (the
/// sorted rest), the first field of a repeated code wins, and a code without one has none.
@Suite struct EncodedCodesTests {
  @Test func everyCodeFindsItsOwnField() {
    let memory = PinnedBuffers()
    let fields: [(code: Int32, field: [UInt8])] = [
      (1, Array("Oui".utf8)), (2, Array("Non".utf8)), (99_999, Array("Refus".utf8)), (-5, Array("NSP".utf8)),
      (5_000, Array("Loin".utf8)), (2, Array("doublon".utf8)), (Int32.max, Array("max".utf8)), (7, []),
    ]
    let encoded = EncodedCodes(fields, pinnedBy: memory)
    func field(_ code: Int32) -> String? { encoded[code].map { String(decoding: $0, as: UTF8.self) } }
    #expect(!encoded.isEmpty)
    #expect(field(1) == "Oui")
    #expect(field(2) == "Non")
    #expect(field(99_999) == "Refus")
    #expect(field(-5) == "NSP")
    #expect(field(5_000) == "Loin")
    #expect(field(Int32.max) == "max")
    #expect(field(7) == "")
    for absent: Int32 in [0, 3, -6, 4_091, 5_001, 99_998, Int32.min] { #expect(field(absent) == nil, "\(absent)") }
    #expect(EncodedCodes([], pinnedBy: memory).isEmpty)
    #expect(EncodedCodes([], pinnedBy: memory)[0] == nil)
  }
}
