/// Physical line breaks as editors count them: LF, CRLF and a lone CR each end one line.
enum LineBreaks {
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D

  /// The line breaks inside a field's text (a quoted field may span lines).
  static func count(in bytes: UnsafeRawBufferPointer) -> Int {
    var breaks = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == lineFeed {
        breaks += 1
      } else if byte == carriageReturn {
        breaks += 1
        if index + 1 < bytes.count && bytes[index + 1] == lineFeed { index += 1 }
      }
      index += 1
    }
    return breaks
  }
}
