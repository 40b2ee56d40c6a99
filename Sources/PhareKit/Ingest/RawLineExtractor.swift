/// Reads the exact text of quarantined records back from the file, by physical line range.
///
/// libcsv reports fields, not positions, so the raw text is recovered in a second, cheap pass
/// that runs only when something was quarantined.
enum RawLineExtractor {
  /// Longest raw text kept per row; an unterminated quote can swallow the rest of a file.
  static let maxBytes = 65_536

  /// The bytes of lines `start ..< start + count` for each range (sorted by start), without the
  /// final terminator. Line `firstLine` begins after the `prefix` bytes skipped (a byte-order
  /// mark, an Excel `sep=` line).
  static func extract(
    from file: any ByteSource, skipping prefix: Int, firstLine: Int, ranges: [(start: Int, count: Int)]
  ) throws -> [[UInt8]] {
    var texts = [[UInt8]](repeating: [], count: ranges.count)
    guard !ranges.isEmpty else { return texts }
    try file.rewind()
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { block.deallocate() }

    var line = firstLine
    var pendingCarriageReturn = false
    var current = 0
    var toSkip = prefix
    func keep(_ byte: UInt8, terminator: Bool) {
      var index = current
      while index < ranges.count && ranges[index].start <= line {
        let last = ranges[index].start + ranges[index].count - 1
        if line <= last && !(terminator && line == last) && texts[index].count < maxBytes {
          texts[index].append(byte)
        }
        index += 1
      }
    }
    reading: while true {
      let filled = try file.read(into: block)
      if filled == 0 { break }
      for byte in block[..<filled] {
        if toSkip > 0 {
          toSkip -= 1
          continue
        }
        if pendingCarriageReturn {
          pendingCarriageReturn = false
          if byte == LineBreaks.lineFeed {
            keep(byte, terminator: true)
            line += 1
            continue
          }
          line += 1
        }
        while current < ranges.count && ranges[current].start + ranges[current].count - 1 < line {
          current += 1
        }
        if current == ranges.count { break reading }
        if byte == LineBreaks.carriageReturn {
          keep(byte, terminator: true)
          pendingCarriageReturn = true
        } else if byte == LineBreaks.lineFeed {
          keep(byte, terminator: true)
          line += 1
        } else {
          keep(byte, terminator: false)
        }
      }
    }
    return texts
  }
}
