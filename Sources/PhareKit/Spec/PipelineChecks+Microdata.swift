extension PipelineChecks {
  /// With `clean.sav` or `clean.dta` among the outputs, what those files cannot hold, found before
  /// any wave is read, one diagnostic at the codebook or spec line of each variable:
  /// - missing codes SPSS cannot declare as user-missing values (`SPSSMissingValues`: more than
  ///   three, and every range over them covers one of the variable's valid codes; a numeric
  ///   variable's valid values are known only from its data: its clean.sav write checks them);
  /// - column names ReadStat refuses (`ReadStatWriter.refusedNames`: an SPSS reserved word such
  ///   as `BY` or `by`, a name too long for the format);
  /// - in clean.dta, more than 26 missing codes (Stata's `.a` to `.z`);
  /// - in clean.sav, names that differ only by case, which SPSS takes for one.
  static func checkMicrodata(of spec: PipelineSpec, codebook: Codebook, diagnostics: inout [SpecDiagnostic]) {
    let formats = spec.outputs.microdata.filter { $0 != .csv }
    guard !formats.isEmpty else { return }
    if formats.contains(.sav) { checkMissingCodes(codebook, diagnostics: &diagnostics) }
    let columns = cleanColumns(spec: spec, codebook: codebook)
    for format in formats {
      for (name, reason) in ReadStatWriter.refusedNames(columns.map(\.name), format: format) {
        let at = columns.first { $0.name == name }
        diagnostics.append(
          SpecDiagnostic(
            file: at?.file ?? codebook.file, line: at?.line,
            message: "column '\(name)' cannot be a variable of \(format.fileName): \(reason); rename it"))
      }
    }
    if formats.contains(.dta) {
      for variable in codebook.variables where variable.missingCodes.count > 26 {
        diagnostics.append(
          SpecDiagnostic(
            file: codebook.file, line: variable.line,
            message: "variable '\(variable.name)' has \(variable.missingCodes.count) missing codes: clean.dta writes "
              + "each as a Stata missing value .a to .z, which are 26; merge them, or leave dta out of outputs.microdata"
          ))
      }
    }
    guard formats.contains(.sav) else { return }
    for (_, named) in Dictionary(grouping: columns, by: { $0.name.lowercased() }) {
      // The same name twice is reported as defined twice.
      let names = named.map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      guard names.count > 1 else { continue }
      let first = named[0]
      diagnostics.append(
        SpecDiagnostic(
          file: first.file, line: first.line,
          message: "columns " + names.map { "'\($0)'" }.joined(separator: " and ")
            + " differ only by case, which SPSS takes for one name in clean.sav; rename one"))
    }
  }

  /// Codebook variables whose missing codes clean.sav cannot declare.
  private static func checkMissingCodes(_ codebook: Codebook, diagnostics: inout [SpecDiagnostic]) {
    for variable in codebook.variables where variable.missingCodes.count > 3 && !variable.values.isEmpty {
      let codes = variable.missingCodes.map { Double($0.code) }
      let valid = variable.values.map { Double($0.code) }
      guard SPSSMissingValues(codes: codes, coversValidValue: { range in valid.contains(where: range.contains) }) == nil
      else { continue }
      let listed = variable.missingCodes.map { String($0.code) }.joined(separator: ", ")
      diagnostics.append(
        SpecDiagnostic(
          file: codebook.file, line: variable.line,
          message: "variable '\(variable.name)' has \(codes.count) missing codes (\(listed)) that clean.sav cannot "
            + "declare: SPSS takes at most three user-missing values, or one range and one more, and every range over "
            + "them covers a valid code; renumber them, or leave sav out of outputs.microdata"))
    }
  }

  /// The clean table's columns (`CodebookVariable.cleanColumnNames`, then the derived variables),
  /// with the file and line that define each.
  private static func cleanColumns(spec: PipelineSpec, codebook: Codebook) -> [(name: String, file: String, line: Int?)]
  {
    let columns =
      codebook.variables.flatMap { variable in variable.cleanColumnNames.map { ($0, codebook.file, variable.line) } }
      + spec.clean.derived.map { ($0.name, spec.file, $0.line) }
    // A name holding `*` is reported as such (a crossing's).
    return columns.filter { !$0.0.contains("*") }
  }
}
