/// Lexical path arithmetic, so that paths in outputs stay as relative as the spec path given
/// (outputs must not change with the folder a clone lives in).
enum FilePath {
  /// `relative` resolved against `base`, with `.` and `..` folded away where possible.
  static func join(_ base: String, _ relative: String) -> String {
    if relative.hasPrefix("/") || base.isEmpty { return normalise(relative) }
    return normalise(base + "/" + relative)
  }

  /// Whether a name is one plain path component: letters, digits, `.`, `-` and `_`, not starting
  /// with `.` (so neither hidden, nor `.` or `..`, nor a path).
  static func isPlainName(_ name: String) -> Bool {
    name.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9._-]*/) != nil
  }

  static func normalise(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if part != ".." || !absolute {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
  }
}
