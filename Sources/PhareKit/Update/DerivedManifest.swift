import Foundation

/// What a derived output — a survey's `trends.csv` and time-series `feed.json`, a matrix wave — was
/// built from: one line per source (each good wave record read, by wave id, export and spec
/// SHA-256; the spec and output options), and the byte size of each file written. A run rebuilds
/// the output only when the sources it would read now differ, or a file is missing or not the size
/// written (damaged); it never rebuilds it to find out. Written after the files it lists.
struct DerivedManifest: Codable, Equatable {
  var sources: [String]
  /// Each file's size in bytes, by its path relative to `folder`.
  var files: [String: Int]

  /// Whether the manifest at `path` has these sources and every file it lists is in `folder`, of its size.
  static func isCurrent(_ path: String, sources: [String], folder: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: path),
      let manifest = try? JSONDecoder().decode(DerivedManifest.self, from: data), manifest.sources == sources
    else { return false }
    return WrittenFiles.damage(manifest.files, in: folder) == nil
  }

  /// Writes to `path` the manifest of `files` (just written in `folder`) built from `sources`.
  static func write(sources: [String], files: [String], in folder: String, to path: String) throws {
    let sizes = files.map { ($0, WrittenFiles.size(folder + "/" + $0) ?? -1) }
    let manifest = DerivedManifest(sources: sources, files: Dictionary(uniqueKeysWithValues: sizes))
    try AtomicFile.write(try JSONText.encode(manifest), to: path)
  }
}
