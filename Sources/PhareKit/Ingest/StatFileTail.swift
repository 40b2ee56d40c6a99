/// The cases from a split point of an SPSS or Stata file on, read on another core
/// (`StatFileReader.readInTwo`).
///
/// Unchecked `Sendable`: its parse is handed to one background task and back, never shared.
struct StatFileTail: @unchecked Sendable {
  /// The parse, or nil when it failed (the head then reads the rest itself, and reports whatever
  /// error there is with the right case).
  var parse: StatFileParse?

  /// Reads the cases from `parse.firstCase` on into `parse` with `reader`'s pass.
  func read(by reader: StatFileReader, format: StatFileFormat) -> StatFileTail {
    guard let parse else { return self }
    parse.populate()
    let pointer = UnsafeMutablePointer<StatFileParse>.allocate(capacity: 1)
    pointer.initialize(to: parse)
    defer { pointer.deallocate() }
    do {
      try reader.run(pointer, format: format, values: true, rows: parse.firstCase..<Int.max)
      return StatFileTail(parse: pointer.move())
    } catch {
      var failed = pointer.move()
      failed.release()
      return StatFileTail(parse: nil)
    }
  }

  /// Frees the columns of a tail that will not be joined.
  mutating func release() {
    parse?.release()
    parse = nil
  }
}
