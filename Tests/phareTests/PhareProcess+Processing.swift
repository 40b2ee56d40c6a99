/// What a `phare run` log says it processed.
extension PhareProcess {
  /// The `info processing` lines of standard error, each from its fields on (`survey=… wave=… why=…`).
  var processing: [String] {
    stderr.split(separator: "\n").compactMap { line in
      line.range(of: " info processing ").map { String(line[$0.upperBound...]) }
    }
  }
}
