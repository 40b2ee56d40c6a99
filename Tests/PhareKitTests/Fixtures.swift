/// Paths of the committed test inputs under `Tests/Fixtures`.
enum Fixtures {
  static let root: String = {
    var path = #filePath
    for _ in 0..<2 {
      path = String(path[..<path.lastIndex(of: "/")!])
    }
    return path + "/Fixtures"
  }()

  static func ingest(_ name: String) -> String { root + "/ingest/" + name }
}
