/// Strict UTF-8 well-formedness check (no overlongs, no surrogates, nothing above U+10FFFF).
///
/// Used once per distinct field value to decide between UTF-8 and Windows-1252.
enum UTF8Validation {
  static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      guard let (continuations, lower, upper) = sequence(startingWith: lead) else { return false }
      let length = continuations + 1
      guard index + length <= count else { return false }
      let second = bytes[index + 1]
      guard second >= lower && second <= upper else { return false }
      for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
        return false
      }
      index += length
    }
    return true
  }

  /// What a lead byte of 0x80 or more announces: how many continuation bytes follow, and the
  /// range of the first of them (narrower than 0x80...0xBF where overlongs, surrogates or code
  /// points above U+10FFFF would start); nil for a byte that cannot lead a sequence.
  static func sequence(startingWith lead: UInt8) -> (continuations: Int, lower: UInt8, upper: UInt8)? {
    switch lead {
    case 0xC2...0xDF: return (1, 0x80, 0xBF)
    case 0xE0: return (2, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: return (2, 0x80, 0xBF)
    case 0xED: return (2, 0x80, 0x9F)
    case 0xF0: return (3, 0x90, 0xBF)
    case 0xF1...0xF3: return (3, 0x80, 0xBF)
    case 0xF4: return (3, 0x80, 0x8F)
    default: return nil
    }
  }
}
