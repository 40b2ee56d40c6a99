/// What an export adds, drops or relabels against a codebook (`phare codebook diff`): columns no
/// variable reads, variables with no column, answer codes the codebook lacks, and for an SPSS or
/// Stata file, variable labels, value labels and missing codes that differ from the codebook's.
public struct CodebookDiff: Sendable {
  /// One line per difference: `+` added, `-` dropped, `~` changed.
  public let lines: [String]

  public init(_ ingest: IngestResult, codebook: Codebook) {
    let columns = Dictionary(zip(ingest.table.schema.fields.map(\.name), ingest.table.columns)) { first, _ in first }
    var read: Set<String> = []
    var lines: [String] = []
    for variable in codebook.variables {
      if !variable.items.isEmpty {
        let absent = variable.items.map(\.name).filter { columns[$0] == nil }
        read.formUnion(variable.items.map(\.name))
        if !absent.isEmpty {
          lines.append(
            "- variable '\(variable.name)': item column(s) \(absent.joined(separator: ", ")) not in the export")
        }
        continue
      }
      guard let source = variable.sources.first(where: { columns[$0] != nil }), let column = columns[source] else {
        lines.append(
          "- variable '\(variable.name)' (\(variable.kind.rawValue)): no column \(variable.sources.joined(separator: " or "))"
        )
        continue
      }
      read.insert(source)
      if variable.kind == .single || variable.kind == .scale {
        lines += Self.unknownCodes(variable, column: column)
      }
      if let entry = ColumnDictionary(source, in: ingest.dictionary) {
        lines += Self.labelDifferences(variable, entry: entry)
      }
    }
    // Stata missing values no missing code stands for: the reader quarantined their cases.
    let tagged = Dictionary(grouping: ingest.quarantined.filter { $0.rule == "ingest.tagged-missing" }) {
      $0.variable ?? ""
    }
    for (column, rows) in tagged.sorted(by: { $0.key < $1.key }) {
      let values = Set(rows.compactMap(\.value)).sorted().joined(separator: ", ")
      lines.append(
        "~ column '\(column)': \(rows.count) case(s) hold Stata missing values (\(values)) no missing code of the "
          + "codebook stands for: the wave quarantines them")
    }
    for name in ingest.table.schema.fields.map(\.name) where !read.contains(name) {
      let filled = (columns[name]?.count ?? 0) - (columns[name]?.missingCount ?? 0)
      lines.append("+ column '\(name)' (\(filled) filled cells): no variable of the codebook reads it")
    }
    self.lines = lines
  }

  /// Whole answers of a coded column that are neither a value nor a missing code of `variable`.
  static func unknownCodes(_ variable: CodebookVariable, column: Column) -> [String] {
    guard variable.kind == .single, !variable.values.isEmpty else { return [] }
    let known = Set((variable.values + variable.missingCodes).map(\.code))
    var found: Set<Int> = []
    for row in 0..<column.count {
      guard let text = column.text(at: row), let value = Double(text), value == value.rounded(), abs(value) < 1e9 else {
        continue
      }
      if !known.contains(Int(value)) { found.insert(Int(value)) }
    }
    guard !found.isEmpty else { return [] }
    return [
      "~ variable '\(variable.name)': code(s) \(found.sorted().map(String.init).joined(separator: ", ")) "
        + "in the export, not in the codebook"
    ]
  }

  /// How a file's dictionary entry for `variable`'s column differs from the codebook: its label,
  /// codes labelled otherwise or not in the codebook, its missing codes.
  static func labelDifferences(_ variable: CodebookVariable, entry: ColumnDictionary) -> [String] {
    let context = "~ variable '\(variable.name)'"
    var lines: [String] = []
    if let label = entry.label, !ValueLabel.sameWording(label, variable.label) {
      lines.append("\(context): labelled « \(label) » in the file, « \(variable.label) » in the codebook")
    }
    let codebook = variable.values + variable.missingCodes
    for value in entry.values {
      if let known = codebook.first(where: { $0.code == value.code }) {
        if !ValueLabel.sameWording(known.label, value.label) {
          lines.append(
            "\(context): code \(value.code) labelled « \(value.label) » in the file, « \(known.label) » in the codebook"
          )
        }
      } else if variable.kind == .single || variable.kind == .scale {
        lines.append("\(context): code \(value.code) « \(value.label) » labelled in the file, not in the codebook")
      }
    }
    let codebookMissing = Set(variable.missingCodes.map(\.code))
    let known = Set((entry.values + codebook).map(\.code))
    if entry.declaresMissing, Set(entry.missingCodes).union(known.filter(entry.isMissing)) != codebookMissing {
      let list = codebookMissing.isEmpty ? "none" : codebookMissing.sorted().map(String.init).joined(separator: ", ")
      lines.append("\(context): missing codes \(entry.missingDescription) in the file, \(list) in the codebook")
    }
    for value in entry.fractionalValues {
      lines.append(
        "\(context): \(value.value) « \(value.label) » labelled in the file, which no codebook code (a whole number) "
          + "can be")
    }
    for tag in entry.tags where !variable.missingCodes.contains(where: { ValueLabel.sameWording($0.label, tag.label) })
    {
      lines.append(
        "\(context): Stata's missing value \(tag.value) « \(tag.label) » in the file, no missing code of the "
          + "codebook labelled so")
    }
    return lines
  }
}
