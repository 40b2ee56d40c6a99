import Dispatch

/// The records after a split point of an export, parsed on another core (`CSVReader.parseInTwo`).
///
/// Unchecked `Sendable`: its session is handed to one background task and back, never shared.
struct TailParse: @unchecked Sendable {
  /// The parsed part, or nil when it failed (the head then parses the rest itself, and reports
  /// whatever error there is with the right line).
  var part: ExportPart?

  /// Parses the file at `path` from byte `split` to its end into `part`; signals `sized` once its
  /// columns are sized, before their pages are touched (or when it ends without sizing them).
  func parsed(_ path: String, from split: Int, sized: DispatchSemaphore) -> TailParse {
    var signalled = false
    defer { if !signalled { sized.signal() } }
    guard var part else { return self }
    do {
      let file = try InputFile(path: path)
      defer { file.close() }
      try file.seek(to: split)
      try part.parse(
        file, upTo: file.size - split, endsFile: true,
        beforePopulating: {
          signalled = true
          sized.signal()
        })
      try part.session.finish()
      return TailParse(part: part)
    } catch {
      part.session.close()
      return TailParse(part: nil)
    }
  }
}
