import Yams

/// The line of each key and list item of a spec, by dotted path (`weight.margins.1`), so that a
/// check made after reading can still point at the line it is about.
public struct SpecLines: Equatable, Sendable {
  private var lines: [String: Int] = [:]

  public init() {}

  /// Records where `path` is written (nothing when the node has no position).
  mutating func record(_ path: String, _ node: Node?) {
    if let line = node?.mark?.line, lines[path] == nil { lines[path] = line }
  }

  /// The line of `path`, else of its nearest recorded parent (`weight.margins.1` → `weight.margins` → `weight`).
  public subscript(path: String) -> Int? {
    var path = Substring(path)
    while true {
      if let line = lines[String(path)] { return line }
      guard let dot = path.lastIndex(of: ".") else { return nil }
      path = path[..<dot]
    }
  }
}
