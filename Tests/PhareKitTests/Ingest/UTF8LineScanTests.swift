import Testing

@testable import PhareKit

@Suite struct UTF8LineScanTests {
  private func scan(_ bytes: [UInt8], firstLine: Int = 1, blockSize: Int? = nil) -> UTF8LineScan {
    var scan = UTF8LineScan(firstLine: firstLine)
    let size = blockSize ?? max(bytes.count, 1)
    bytes.withUnsafeBytes { all in
      var start = 0
      while start < all.count {
        scan.scan(UnsafeRawBufferPointer(rebasing: all[start..<min(start + size, all.count)]))
        start += size
      }
    }
    scan.finish()
    return scan
  }

  @Test func invalidLinesAreNumberedAsEditorsCountLines() {
    // 1 ASCII, 2 UTF-8 é, 3 Windows-1252 é (CRLF), 4 UTF-8 sequence cut by a CR, 5 continuation byte, 6 UTF-8 €.
    let bytes: [UInt8] =
      Array("a\n".utf8) + Array("é\n".utf8) + [0xE9, 0x0D, 0x0A, 0xC3, 0x0D, 0xA9, 0x0A]
      + Array("€".utf8)
    for blockSize in [1, 2, 3, nil] {
      let result = scan(bytes, blockSize: blockSize)
      #expect(result.invalidLines == [3, 4, 5], "block size \(String(describing: blockSize))")
      #expect(result.utf8Lines == 2, "block size \(String(describing: blockSize))")
    }
  }

  @Test func lineNumbersStartAtTheFirstParsedLine() {
    #expect(scan([0x41, 0x0A, 0xE9, 0x0A], firstLine: 2).invalidLines == [3])
  }

  @Test func aSequenceCutByTheEndOfTheFileIsInvalid() {
    #expect(scan([0x41, 0x0A, 0xE2, 0x82]).invalidLines == [2])
  }

  @Test func strictUTF8IsRequired() {
    #expect(scan([0xC0, 0xAF]).invalidLines == [1])  // overlong
    #expect(scan([0xED, 0xA0, 0x80]).invalidLines == [1])  // surrogate
    #expect(scan([0xF4, 0x90, 0x80, 0x80]).invalidLines == [1])  // above U+10FFFF
    #expect(scan(Array("𝄞".utf8)).invalidLines == [])
  }

  /// Eight ASCII bytes at a time give the lines byte by byte gives (blocks of one byte never take
  /// the eight-byte path), over lines of every kind and length and every line break.
  @Test func eightBytesAtATimeAgreeWithByteByByte() {
    var random = SplitMix64(seed: 15)
    let pieces: [[UInt8]] = [
      Array("abcdefghijklmnopqrstuvwxyz,0123456789".utf8), Array("é".utf8), Array("€uro".utf8), [0xE9],
      [0xC3], Array("𝄞".utf8), [0x0A], [0x0D], [0x0D, 0x0A], [0x0A, 0x0A], Array("a,b".utf8), [0xE2, 0x82],
    ]
    for _ in 0..<200 {
      var bytes: [UInt8] = []
      for _ in 0..<random.below(60) { bytes += pieces[random.below(pieces.count)] }
      let byteByByte = scan(bytes, blockSize: 1)
      for blockSize in [nil, 9, 64] {
        let fast = scan(bytes, blockSize: blockSize)
        #expect(fast.invalidLines == byteByByte.invalidLines, "\(bytes)")
        #expect(fast.utf8Lines == byteByByte.utf8Lines, "\(bytes)")
      }
    }
  }
}
