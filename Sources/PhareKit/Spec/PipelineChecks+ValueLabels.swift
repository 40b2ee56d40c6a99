import Foundation

extension PipelineChecks {
  /// Variables with codebook `values:` whose column, in a typed file (SPSS, Stata), carries value
  /// labels that contradict the codebook: a code labelled otherwise (`ValueLabel.sameWording`), a
  /// labelled code the codebook lacks among its values and missing codes, or a Stata tagged
  /// missing value (`.a`) labelled as none of its missing codes (`StatFileReader` maps a tag by
  /// its label). One diagnostic per variable, naming the column and every such code. A CSV export
  /// has no labels.
  ///
  /// A file read as Windows-1252 whose labels are the codebook's once read as UTF-8 (a Stata file
  /// before release 118 written in UTF-8, as R haven writes them) is one diagnostic naming the fix.
  static func contradictingLabels(in ingest: IngestResult, codebook: Codebook) -> [SpecDiagnostic] {
    guard let labelled = ingest.dictionary?.valueLabels else { return [] }
    if let misread = utf8ReadAsWindows1252(ingest, codebook: codebook) {
      return [
        SpecDiagnostic(
          file: ingest.file, line: nil,
          message:
            "its text is UTF-8 read as \(ingest.dictionary?.characterEncoding ?? "Windows-1252") (« \(misread.0) » is "
            + "« \(misread.1) »): set inputs.encoding: utf-8")
      ]
    }
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

  /// A text of a file read as Windows-1252 that reads as UTF-8 (`ÃŽle-de-France`,
  /// `Île-de-France`), if any: a value label that is then a codebook label, or, where every text
  /// with a byte above 127 reads as UTF-8 (which Windows-1252 text almost never does), the first.
  private static func utf8ReadAsWindows1252(_ ingest: IngestResult, codebook: Codebook) -> (String, String)? {
    guard let dictionary = ingest.dictionary, dictionary.characterEncoding.uppercased() != "UTF-8" else { return nil }
    let stated = Set(codebook.variables.flatMap { ($0.values + $0.missingCodes).map { ValueLabel.wording($0.label) } })
    let labels = dictionary.valueLabels.sorted { $0.key < $1.key }.flatMap(\.value)
    for label in labels where !stated.contains(ValueLabel.wording(label.label)) {
      guard let read = readAsUTF8(label.label), stated.contains(ValueLabel.wording(read)) else { continue }
      return (label.label, read)
    }
    var texts: [String] = []
    for column in ingest.table.columns where texts.count < 10_000 {
      switch column {
      case .text(let column): texts += column.values.lazy.compactMap { $0 }.filter { !$0.utf8.allSatisfy { $0 < 128 } }
      case .categorical(let column): texts += column.levels.filter { !$0.utf8.allSatisfy { $0 < 128 } }
      case .numeric, .coded: continue
      }
    }
    let read = texts.prefix(10_000).map { ($0, readAsUTF8($0)) }
    guard let first = read.first, let firstRead = first.1, read.allSatisfy({ $0.1 != nil }) else { return nil }
    return (first.0, firstRead)
  }

  /// `text`'s Windows-1252 bytes read as UTF-8, when they are valid UTF-8 and say something else.
  private static func readAsUTF8(_ text: String) -> String? {
    guard let bytes = text.data(using: .windowsCP1252), let read = String(data: bytes, encoding: .utf8), read != text
    else { return nil }
    return read
  }
}
