/// The character encoding of a survey export, as detected from its bytes.
///
/// French exports come as UTF-8 (often with a byte-order mark, from Excel), as
/// Windows-1252 (a superset of Latin-1 for printable characters), or as UTF-16 (Excel's
/// "Unicode text", tab-separated), which is transcoded to UTF-8 before it is parsed.
public enum TextEncoding: String, Codable, Sendable {
  case utf8 = "UTF-8"
  case utf8WithBOM = "UTF-8 with BOM"
  case windows1252 = "Windows-1252"
  case utf16LittleEndian = "UTF-16 LE"
  case utf16LittleEndianWithBOM = "UTF-16 LE with BOM"
  case utf16BigEndian = "UTF-16 BE"
  case utf16BigEndianWithBOM = "UTF-16 BE with BOM"
  /// UTF-8 with some lines in Windows-1252 (rows appended by another tool), read as `inputs.encoding: mixed` asks.
  case utf8WithWindows1252Lines = "UTF-8 with Windows-1252 lines"

  /// Decodes raw bytes as the parser saw them. UTF-16 exports reach the parser already
  /// transcoded to UTF-8; in a mixed file, each physical line of a value (a quoted field may
  /// span several) that is not valid UTF-8 is read as Windows-1252, as the line scan found it.
  public func decode(_ bytes: UnsafeRawBufferPointer) -> String {
    switch self {
    case .utf8, .utf8WithBOM, .utf16LittleEndian, .utf16LittleEndianWithBOM, .utf16BigEndian, .utf16BigEndianWithBOM:
      return String(decoding: bytes, as: UTF8.self)
    case .windows1252:
      return Windows1252.decode(bytes)
    case .utf8WithWindows1252Lines:
      if UTF8Validation.isValid(bytes) { return String(decoding: bytes, as: UTF8.self) }
      var text = ""
      var start = 0
      for end in 0...bytes.count
      where end == bytes.count || bytes[end] == LineBreaks.lineFeed || bytes[end] == LineBreaks.carriageReturn {
        let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        text += UTF8Validation.isValid(line) ? String(decoding: line, as: UTF8.self) : Windows1252.decode(line)
        if end < bytes.count { text.unicodeScalars.append(Unicode.Scalar(bytes[end])) }
        start = end + 1
      }
      return text
    }
  }

  /// Whether the file starts with a byte-order mark.
  public var hasBOM: Bool {
    self == .utf8WithBOM || self == .utf16LittleEndianWithBOM || self == .utf16BigEndianWithBOM
  }

  /// Whether the file is UTF-16 (and was transcoded to UTF-8 before parsing).
  public var isUTF16: Bool {
    switch self {
    case .utf16LittleEndian, .utf16LittleEndianWithBOM, .utf16BigEndian, .utf16BigEndianWithBOM: return true
    case .utf8, .utf8WithBOM, .windows1252, .utf8WithWindows1252Lines: return false
    }
  }
}
