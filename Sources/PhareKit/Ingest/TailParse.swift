/// The records after a split point of an export, parsed on another core (`CSVReader.parseInTwo`).
///
/// Unchecked `Sendable`: its session is handed to one background task and back, never shared.
struct TailParse: @unchecked Sendable {
  /// The parsed part, or nil when it failed (the head then parses the rest itself, and reports
  /// whatever error there is with the right line).
  var part: ExportPart?

  /// Parses the file at `path` from byte `split` to its end into `part`.
  func parsed(_ path: String, from split: Int) -> TailParse {
    guard var part else { return self }
    do {
      let file = try InputFile(path: path)
      defer { file.close() }
      try file.seek(to: split)
      try part.parse(file, upTo: file.size - split, endsFile: true)
      try part.session.finish()
      return TailParse(part: part)
    } catch {
      part.session.close()
      return TailParse(part: nil)
    }
  }
}
