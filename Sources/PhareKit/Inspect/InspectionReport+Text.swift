/// The human-readable form of an inspection, for a terminal.
extension InspectionReport {
  /// The report as aligned text, listing at most `quarantineLimit` quarantined rows.
  public func text(quarantineLimit: Int) -> String {
    var lines: [String] = []
    lines.append("File         \(file)")
    if let format { lines.append("Format       \(format)") }
    lines.append("Encoding     \(encoding.rawValue)")
    if format == nil {
      lines.append("Separator    \(separator)\(decimalComma ? " (decimal comma in numbers)" : "")")
      lines.append("Line ending  \(lineEnding.rawValue)")
    }
    var accounting = "Rows         \(rows.read) read = \(rows.kept) kept + \(rows.quarantined) quarantined"
    if rows.blankLines > 0 { accounting += " (\(rows.blankLines) blank lines skipped)" }
    lines.append(accounting)
    lines.append("")
    lines.append("Columns (\(columns.count))")
    let width = max(4, columns.map(\.name.count).max() ?? 0)
    lines.append("  " + pad("#", 4) + pad("name", width + 2) + pad("type", 13) + pad("missing", 9) + "values")
    for (index, column) in columns.enumerated() {
      lines.append(
        "  " + pad(String(index + 1), 4) + pad(column.name, width + 2) + pad(column.type.rawValue, 13)
          + pad(String(column.missing), 9) + values(of: column)
      )
    }
    if !notes.isEmpty {
      lines.append("")
      lines.append("Notes")
      lines.append(contentsOf: notes.map { "  " + $0 })
    }
    if !quarantined.isEmpty {
      lines.append("")
      let shown = quarantined.prefix(quarantineLimit)
      lines.append("Quarantined rows (\(shown.count) of \(quarantined.count) shown)")
      for row in shown {
        lines.append("  line \(row.line): \(row.message) [\(row.rule)]")
        if let rawText = row.rawText { lines.append("    " + rawText.replacingLineBreaks()) }
      }
    }
    return lines.joined(separator: "\n")
  }

  private func values(of column: ColumnSummary) -> String {
    if let minimum = column.minimum, let maximum = column.maximum {
      return
        "\(NumberParser.render(minimum, decimalComma: false)) to \(NumberParser.render(maximum, decimalComma: false))"
    }
    if let distinct = column.distinct {
      return "\(distinct) distinct"
    }
    return "all missing"
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}

extension String {
  /// Shows line breaks inside a raw row as `⏎`, so each quarantined row stays on one line.
  fileprivate func replacingLineBreaks() -> String {
    String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? "⏎" : $0 })
  }
}
