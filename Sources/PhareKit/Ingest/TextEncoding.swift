/// The character encoding of a survey export, as detected from its bytes.
///
/// French exports come as UTF-8 (often with a byte-order mark, from Excel) or as
/// Windows-1252 (a superset of Latin-1 for printable characters).
public enum TextEncoding: String, Codable, Sendable {
  case utf8 = "UTF-8"
  case utf8WithBOM = "UTF-8 with BOM"
  case windows1252 = "Windows-1252"

  /// Decodes raw bytes; invalid UTF-8 sequences become U+FFFD (only possible after a BOM).
  public func decode(_ bytes: UnsafeRawBufferPointer) -> String {
    switch self {
    case .utf8, .utf8WithBOM:
      return String(decoding: bytes, as: UTF8.self)
    case .windows1252:
      return Windows1252.decode(bytes)
    }
  }
}
