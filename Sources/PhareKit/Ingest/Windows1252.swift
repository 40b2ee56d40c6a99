/// Windows-1252 to Unicode, for exports saved by older French Windows software.
///
/// Bytes 0x80–0x9F hold the typographic characters (’ « œ € …) that Latin-1 lacks;
/// the five unassigned bytes map to the C1 controls of the same value, as WHATWG does.
enum Windows1252 {
  private static let highControls: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  static func scalar(for byte: UInt8) -> Unicode.Scalar {
    if byte >= 0x80 && byte < 0xA0 {
      return Unicode.Scalar(highControls[Int(byte - 0x80)])!
    }
    return Unicode.Scalar(byte)
  }

  static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
    var text = String.UnicodeScalarView()
    for byte in bytes {
      text.append(scalar(for: byte))
    }
    return String(text)
  }
}
