extension PipelineChecks {
  /// Variables with codebook `values:` whose column, in a typed file (SPSS, Stata), carries value
  /// labels that contradict the codebook: a code labelled otherwise (`ValueLabel.sameWording`), a
  /// labelled code the codebook lacks among its values and missing codes, or a Stata tagged
  /// missing value (`.a`) labelled as none of its missing codes (`StatFileReader` maps a tag by
  /// its label). One diagnostic per variable, naming the column and every such code. A CSV export
  /// has no labels.
  static func contradictingLabels(in ingest: IngestResult, codebook: Codebook) -> [SpecDiagnostic] {
    guard let labelled = ingest.dictionary?.valueLabels else { return [] }
    return codebook.variables.compactMap { variable -> SpecDiagnostic? in
      guard !variable.values.isEmpty, let column = variable.sources.first(where: { labelled[$0] != nil }) else {
        return nil
      }
      let known = variable.values + variable.missingCodes
      let problems = labelled[column, default: []].compactMap { label -> String? in
        if let tag = label.tag {
          guard !variable.missingCodes.contains(where: { ValueLabel.sameWording($0.label, label.label) }) else {
            return nil
          }
          return ".\(tag) « \(label.label) », a Stata missing value none of the codebook's missing codes is labelled so"
        }
        let code = label.number.flatMap { $0.rounded() == $0 && abs($0) < 1e9 ? Int($0) : nil }
        guard let code, let stated = known.first(where: { $0.code == code }) else {
          return "\(label.value) « \(label.label) », a code the codebook lacks"
        }
        guard !ValueLabel.sameWording(stated.label, label.label) else { return nil }
        return "\(label.value) « \(label.label) » where the codebook has « \(stated.label) »"
      }
      guard !problems.isEmpty else { return nil }
      let at = variable.line.map { " (\(codebook.file):\($0))" } ?? ""
      return SpecDiagnostic(
        file: ingest.file, line: nil,
        message: "the value labels of column '\(column)' contradict the codebook's variable '\(variable.name)'\(at): "
          + problems.joined(separator: "; ") + "; correct the codebook or the file")
    }
  }
}
