import Foundation
import Yams

/// Typed reads from a YAML tree that record every problem, with its line, instead of
/// stopping at the first. Unknown keys are errors: a typo must not silently disable a setting.
final class SpecReader {
  let file: String
  private(set) var diagnostics: [SpecDiagnostic] = []
  /// Where each key read through `fields(_:_:allowed:required:at:)` and each list item read
  /// through `strings(_:_:at:)` is written.
  var lines = SpecLines()

  init(file: String) {
    self.file = file
  }

  /// Parses a YAML file; nil (with a diagnostic) when it cannot be read or parsed.
  func load() -> Node? {
    guard let data = FileManager.default.contents(atPath: file) else {
      report(line: nil, FileManager.default.fileExists(atPath: file) ? "cannot be read" : "no such file")
      return nil
    }
    guard let text = String(data: data, encoding: .utf8) else {
      report(line: nil, "not UTF-8 text")
      return nil
    }
    do {
      guard let root = try Yams.compose(yaml: text) else {
        report(line: 1, "the file is empty")
        return nil
      }
      return root
    } catch let error as YamlError {
      switch error {
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
        .composer(_, let problem, let mark, _):
        report(line: mark.line, "YAML syntax error: \(problem)")
      case .duplicatedKeysInMapping(let duplicates, let context):
        let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
        report(line: context.mark.line, "duplicate definition of \(keys) in the same mapping")
      default:
        report(line: nil, "YAML error: \(error)")
      }
      return nil
    } catch {
      report(line: nil, "YAML error: \(error)")
      return nil
    }
  }

  func report(_ node: Node?, _ message: String) {
    report(line: node?.mark?.line, message)
  }

  func report(line: Int?, _ message: String) {
    diagnostics.append(SpecDiagnostic(file: file, line: line, message: message))
  }

  /// The key/value pairs of a mapping in file order (Yams has already refused duplicate keys).
  func entries(_ node: Node, _ context: String) -> [(key: String, keyNode: Node, value: Node)]? {
    guard let mapping = node.mapping else {
      report(node, "\(context) should be a mapping of keys to values")
      return nil
    }
    var result: [(key: String, keyNode: Node, value: Node)] = []
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar?.string else {
        report(keyNode, "\(context) has a key that is not a plain name")
        continue
      }
      result.append((key, keyNode, value))
    }
    return result
  }

  /// The fields of a mapping by key, reporting unknown keys (with the nearest known one)
  /// and missing required keys.
  /// With `path`, each key's line is recorded under `path.key` (`key` when `path` is empty).
  func fields(
    _ node: Node, _ context: String, allowed: [String], required: [String] = [], at path: String? = nil
  ) -> [String: Node] {
    guard let entries = entries(node, context) else { return [:] }
    var fields: [String: Node] = [:]
    for entry in entries {
      if allowed.contains(entry.key) {
        fields[entry.key] = entry.value
        if let path { lines.record(path.isEmpty ? entry.key : path + "." + entry.key, entry.keyNode) }
      } else {
        let hint = Self.nearest(entry.key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
        report(entry.keyNode, "unknown key '\(entry.key)' in \(context)\(hint)")
      }
    }
    for key in required where fields[key] == nil {
      report(node, "\(context) is missing the required key '\(key)'")
    }
    return fields
  }

  func string(_ node: Node?, _ context: String) -> String? {
    guard let node else { return nil }
    guard let scalar = node.scalar else {
      report(node, "\(context) should be a text value")
      return nil
    }
    guard !scalar.string.isEmpty else {
      report(node, "\(context) is empty")
      return nil
    }
    return scalar.string
  }

  func int(_ node: Node?, _ context: String) -> Int? {
    guard let node else { return nil }
    guard let value = node.scalar.flatMap({ Int($0.string) }) else {
      report(node, "\(context) should be a whole number")
      return nil
    }
    return value
  }

  func double(_ node: Node?, _ context: String) -> Double? {
    guard let node else { return nil }
    guard let value = node.scalar.flatMap({ Double($0.string) }), value.isFinite else {
      report(node, "\(context) should be a number")
      return nil
    }
    return value
  }

  func bool(_ node: Node?, _ context: String) -> Bool? {
    guard let node else { return nil }
    guard let value = node.bool, node.scalar != nil else {
      report(node, "\(context) should be true or false")
      return nil
    }
    return value
  }

  /// One of the listed words.
  func choice(_ node: Node?, _ context: String, _ choices: [String]) -> String? {
    guard let text = string(node, context) else { return nil }
    guard choices.contains(text) else {
      report(node, "\(context) should be one of: \(choices.joined(separator: ", ")) (found '\(text)')")
      return nil
    }
    return text
  }

  /// The items of a sequence.
  func sequence(_ node: Node?, _ context: String) -> [Node]? {
    guard let node else { return nil }
    guard let sequence = node.sequence else {
      report(node, "\(context) should be a list")
      return nil
    }
    return Array(sequence)
  }

  /// A list of names; a single name is accepted as a list of one. With `path`, each item's line
  /// is recorded under `path.index`.
  func strings(_ node: Node?, _ context: String, at path: String? = nil) -> [String]? {
    guard let node else { return nil }
    if node.null != nil || node.scalar?.string.isEmpty == true {
      report(node, "\(context) should be a list of names")
      return nil
    }
    if node.scalar != nil {
      if let path { lines.record(path + ".0", node) }
      return string(node, context).map { [$0] }
    }
    guard let items = sequence(node, context) else { return nil }
    if let path {
      for (index, item) in items.enumerated() { lines.record("\(path).\(index)", item) }
    }
    let values = items.compactMap { string($0, "each item of \(context)") }
    return values.count == items.count ? values : nil
  }

  /// The closest allowed key within two edits, for "did you mean" hints.
  static func nearest(_ key: String, in allowed: [String]) -> String? {
    let scored = allowed.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 2 }
    return scored.min { $0.1 < $1.1 }?.0
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      previous = current
    }
    return previous[b.count]
  }
}
