import Yams

extension CodebookDraft {
  /// The draft as codebook YAML (the format `Codebook.load` reads), each variable's guess as a
  /// comment on its `type:` line.
  public var yaml: String {
    var lines = [
      "# Codebook drafted by `phare codebook draft` from \(source) (\(rows) rows, \(columns) columns).",
      "# Each `# guess:` is phare's reading of the values: confirm or correct it, write the labels of",
      "# codes labelled `code N`, then name this file in a pipeline spec and run `phare validate`.",
      "variables:",
    ]
    for variable in variables {
      lines.append("  \(variable.name):")
      lines.append("    type: \(variable.kind.rawValue)  # guess: \(variable.guess)")
      if let label = variable.label { lines.append("    label: \(Self.quoted(label))") }
      if variable.items.isEmpty { lines.append("    source: [\(Self.quoted(variable.source))]") }
      if let separator = variable.separator { lines.append("    separator: \(Self.quoted(separator))") }
      if !variable.values.isEmpty { lines += Self.codes("values", variable.values) }
      if !variable.missing.isEmpty { lines += Self.codes("missing", variable.missing) }
      if let range = variable.range {
        lines.append("    range: [\(Self.number(range.lowerBound)), \(Self.number(range.upperBound))]")
      }
      if !variable.items.isEmpty {
        lines.append("    items:")
        lines += variable.items.map { "      \(Self.quoted($0.column)): \(Self.quoted($0.label))" }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes `yaml` to `path` atomically. - Throws: `FileWriteError` naming the path.
  public func write(to path: String) throws {
    try AtomicFile.write(yaml, to: path)
  }

  private static func codes(_ key: String, _ codes: [ValueLabel]) -> [String] {
    ["    \(key):"] + codes.map { "      \($0.code): \(quoted($0.label))" }
  }

  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  /// A double-quoted YAML scalar, as Yams writes it.
  static func quoted(_ text: String) -> String {
    let node = Node.scalar(Node.Scalar(text, .implicit, .doubleQuoted))
    let written = (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? "\"\""
    return String(written.prefix { $0 != "\n" })
  }
}
