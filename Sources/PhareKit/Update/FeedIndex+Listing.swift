import Foundation

/// The index of an output folder as it is on disk: each wave folder found (one holding a
/// `manifest.json`, or a `rejected/<wave>/` one) with the files its manifest lists that are
/// there; each matrix wave folder (one holding `matrix.csv`) with its files.
extension FeedIndex {
  /// `heading`'s survey as its folder `<out>/<survey>` holds it; nil when it holds no wave.
  static func survey(_ heading: Survey, in out: String, digests: inout FeedDigests, known: FeedDigests) throws
    -> Survey?
  {
    let name = heading.survey
    let waves = Set(folders(in: out + "/" + name, holding: "manifest.json"))
      .union(folders(in: out + "/" + name + "/rejected", holding: "manifest.json")).sorted()
    guard !waves.isEmpty else { return nil }
    var survey = heading
    survey.feed = try digests.file(name + "/feed.json", in: out, known: known)
    survey.trends = existing(name + "/trends.csv", in: out)
    survey.waves = try waves.map { try wave($0, of: name, in: out, digests: &digests, known: known) }
    return survey
  }

  /// A survey's wave: its folder's files as its manifest lists them, and why its last processing
  /// failed when `rejected/<wave>/manifest.json` says so.
  private static func wave(
    _ wave: String, of survey: String, in out: String, digests: inout FeedDigests, known: FeedDigests
  ) throws -> Wave {
    let folder = survey + "/" + wave
    let published = manifest(folder + "/manifest.json", in: out)
    let rejectedPath = survey + "/rejected/" + wave + "/manifest.json"
    let rejected = manifest(rejectedPath, in: out)
    let listed = published?.files ?? [:]
    func path(_ file: String) -> String? {
      listed[file] == nil ? nil : existing(folder + "/" + file, in: out)
    }
    return Wave(
      wave: wave,
      status: rejected?.waves.first?.status ?? published?.waves.first?.status ?? "failed",
      problem: rejected?.waves.first?.problem
        ?? (published == nil && rejected == nil ? "its manifest.json cannot be read" : nil),
      writtenAt: published?.generatedAt, exportSHA256: published?.waves.first?.sha256,
      manifest: published == nil ? nil : folder + "/manifest.json",
      feed: try path("feed.json").flatMap { try digests.file($0, in: out, known: known) },
      indicators: path("indicators.csv"),
      tables: listed.keys.filter { $0.hasPrefix("tables/") && $0.hasSuffix(".csv") }.sorted().compactMap(path),
      workbook: path("tables.xlsx"), report: path("report.html"),
      rejected: rejected == nil ? nil : rejectedPath)
  }

  /// `heading`'s matrix as its folder `<out>/<matrix>` holds it; nil when it holds no wave.
  static func matrix(_ heading: Matrix, in out: String, digests: inout FeedDigests, known: FeedDigests) throws
    -> Matrix?
  {
    let waves = folders(in: out + "/" + heading.matrix, holding: "matrix.csv")
    guard !waves.isEmpty else { return nil }
    var matrix = heading
    matrix.waves = try waves.map { wave in
      let folder = heading.matrix + "/" + wave
      return MatrixWave(
        wave: wave, feed: try digests.file(folder + "/feed.json", in: out, known: known),
        csv: existing(folder + "/matrix.csv", in: out), manifest: existing(folder + "/manifest.json", in: out))
    }
    return matrix
  }

  /// The names of `folder`'s subfolders holding `marker`, sorted; hidden and `rejected` folders aside.
  private static func folders(in folder: String, holding marker: String) -> [String] {
    OrphanedWaveFolders.find(in: folder, waves: [], marker: marker)
  }

  /// `path` (relative to `out`) when it is a file there, else nil.
  private static func existing(_ path: String, in out: String) -> String? {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: out + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
      ? path : nil
  }

  private static func manifest(_ path: String, in out: String) -> RunManifest? {
    FileManager.default.contents(atPath: out + "/" + path).flatMap {
      try? JSONDecoder().decode(RunManifest.self, from: $0)
    }
  }
}
