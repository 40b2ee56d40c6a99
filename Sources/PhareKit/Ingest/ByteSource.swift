/// Where the parser reads an export's bytes from: the file itself, or its UTF-8 transcoding.
protocol ByteSource {
  /// The byte count, to size the columns from the first block.
  var size: Int { get }
  /// Fills `buffer` as far as the source allows; returns the byte count, 0 at the end.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
  /// Goes back to the first byte.
  func rewind() throws
}
