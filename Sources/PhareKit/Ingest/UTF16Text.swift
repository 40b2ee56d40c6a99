import Foundation

/// Recognises UTF-16 exports (Excel's "Unicode text") by their byte-order mark, or without one by
/// the NUL bytes of mostly-ASCII text, and transcodes them to UTF-8 with Foundation.
enum UTF16Text {
  /// How many leading bytes the NUL pattern is read from.
  static let sampleSize = 8192

  /// The file's UTF-16 flavour, or nil when it is not UTF-16.
  /// - Throws: `IngestError.unsupportedEncoding` for UTF-32 (its byte-order mark).
  static func detect(_ prefix: UnsafeRawBufferPointer, file: String) throws -> TextEncoding? {
    if prefix.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
      throw IngestError.unsupportedEncoding(file: file, encoding: "UTF-32")
    }
    if prefix.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
      throw IngestError.unsupportedEncoding(file: file, encoding: "UTF-32")
    }
    if prefix.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndianWithBOM }
    if prefix.starts(with: [0xFE, 0xFF]) { return .utf16BigEndianWithBOM }
    return nulPattern(prefix)
  }

  /// ASCII in UTF-16 LE is each byte followed by a NUL (`i\0d\0`), in UTF-16 BE each preceded by
  /// one. At least 25% of the code units with a NUL high byte (the separators, codes and line
  /// breaks of an export whose comments are in Chinese or Arabic), and at most 5% with a NUL low
  /// byte and a tenth as many as high, name the byte order; UTF-8 and Windows-1252 text has no NUL
  /// byte, and binary files have them at both positions.
  static func nulPattern(_ prefix: UnsafeRawBufferPointer) -> TextEncoding? {
    let units = min(prefix.count, sampleSize) / 2
    guard units >= 2 else { return nil }
    var evenNULs = 0
    var oddNULs = 0
    for unit in 0..<units {
      if prefix[2 * unit] == 0 { evenNULs += 1 }
      if prefix[2 * unit + 1] == 0 { oddNULs += 1 }
    }
    func dominant(_ count: Int) -> Bool { count * 4 >= units }
    func rare(_ count: Int, beside other: Int) -> Bool { count * 20 <= units && count * 10 <= other }
    if dominant(oddNULs) && rare(evenNULs, beside: oddNULs) { return .utf16LittleEndian }
    if dominant(evenNULs) && rare(oddNULs, beside: evenNULs) { return .utf16BigEndian }
    return nil
  }

  /// The whole file transcoded to UTF-8, without its byte-order mark.
  /// - Throws: `IngestError.undecodable` when the bytes are not valid UTF-16 (an odd byte count,
  ///   an unpaired surrogate).
  static func transcode(_ file: InputFile, as encoding: TextEncoding) throws -> MemoryInput {
    try file.rewind()
    var data = Data(count: file.size)
    let filled = try data.withUnsafeMutableBytes { try file.read(into: $0) }
    data.count = filled
    if encoding.hasBOM { data.removeFirst(min(2, data.count)) }
    let byteOrder: String.Encoding =
      encoding == .utf16BigEndian || encoding == .utf16BigEndianWithBOM ? .utf16BigEndian : .utf16LittleEndian
    guard data.count % 2 == 0, let text = String(data: data, encoding: byteOrder) else {
      throw IngestError.undecodable(file: file.path, encoding: encoding)
    }
    return MemoryInput(bytes: Array(text.utf8))
  }
}
