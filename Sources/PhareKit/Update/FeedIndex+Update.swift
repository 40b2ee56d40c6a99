import Foundation

/// Writing `<out>/index.json` at the end of `phare run`, after everything it lists, and only when
/// what it lists changed: an unchanged rerun writes nothing and hashes no feed (`FeedDigests`).
extension FeedIndex {
  public static let fileName = "index.json"

  /// Lists the surveys of `pipelines` and the matrices of `matrices` (this run's specs), and those
  /// the previous index listed that this run did not load (a spec refused, or not given this
  /// time) whose folders are still there, as `out` holds them; writes `index.json` atomically
  /// when that listing differs from the one on disk (`generatedAt` then the index's new time).
  /// Returns whether it wrote.
  /// - Throws: `FileWriteError` when the index or its digests cannot be written; `FileReadError`
  ///   when a feed cannot be read to hash it.
  @discardableResult
  public static func update(out: String, pipelines: [Pipeline], matrices: [MatrixSpec], generatedAt: Date) throws
    -> Bool
  {
    let path = out + "/" + fileName
    let previous = FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(Self.self, from: $0) }
    var surveyHeadings = pipelines.map {
      Survey(
        survey: $0.spec.survey, actor: $0.spec.actor, title: $0.spec.title,
        pipeline: ($0.spec.file as NSString).lastPathComponent)
    }
    var matrixHeadings = matrices.map { Matrix(matrix: $0.name, title: $0.title) }
    let names = Set(surveyHeadings.map(\.survey) + matrixHeadings.map(\.matrix))
    surveyHeadings += (previous?.surveys ?? []).filter { !names.contains($0.survey) }
    matrixHeadings += (previous?.matrices ?? []).filter { !names.contains($0.matrix) }
    let known = FeedDigests.load(in: out)
    var digests = FeedDigests()
    var index = FeedIndex(
      generatedAt: previous?.generatedAt ?? "",
      surveys: try surveyHeadings.sorted { $0.survey < $1.survey }.compactMap {
        try survey($0, in: out, digests: &digests, known: known)
      },
      matrices: try matrixHeadings.sorted { $0.matrix < $1.matrix }.compactMap {
        try matrix($0, in: out, digests: &digests, known: known)
      })
    let changed = index != previous
    if changed {
      index.generatedAt = generatedAt.formatted(.iso8601)
      try AtomicFile.write(try index.json(), to: path)
    }
    if digests != known { try digests.write(in: out) }
    return changed
  }
}
