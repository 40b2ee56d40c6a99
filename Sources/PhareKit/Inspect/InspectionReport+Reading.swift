extension InspectionReport {
  /// Reads `file` with `reader` and reports it as `phare inspect` shows it, with a note when the
  /// export looks truncated or still being written (as `phare run` would fail its wave).
  /// - Throws: `IngestError` or `FileReadError` when the file cannot be read at all.
  public static func read(_ file: String, with reader: ExportReader, showingRawText: Bool = false) throws
    -> InspectionReport
  {
    // A file that cannot be examined is reported by the reader, as it cannot be read either.
    let before = try? ExportSnapshot.take(file)
    let result = try reader.read(file)
    var report = InspectionReport(result, showingRawText: showingRawText)
    if let before, let truncation = before.truncation(after: try ExportSnapshot.take(file), result) {
      report.notes.append(truncation + "; phare run would fail its wave")
    }
    return report
  }
}
