/// One wave's export: the wave identifier and the file it is read from.
public struct WaveFile: Equatable, Sendable {
  public var wave: String
  public var path: String

  /// Whether a wave id can name the wave's folder inside its survey's output folder: one path
  /// component, not hidden, not one of the survey folder's own entries.
  public static func isValidID(_ id: String) -> Bool {
    FilePath.isPlainName(id) && !["rejected", "trends.csv", "feed.json", "series-manifest.json"].contains(id)
  }

  /// Why a wave id cannot be used, for messages.
  static func invalidIDProblem(_ id: String) -> String {
    "wave id '\(id)' cannot name the wave's output folder: use letters, digits, '.', '-' and '_', not starting "
      + "with '.', not rejected, trends.csv, feed.json or series-manifest.json"
  }
}
