extension PipelineChecks {
  /// With `clean.sav` among the outputs, each codebook variable whose missing codes SPSS cannot
  /// declare as user-missing values (`SPSSMissingValues`: more than three, and every range over
  /// them covers one of its valid codes), one diagnostic at its codebook line. A numeric
  /// variable's valid values are known only from its data: its clean.sav write checks them.
  static func checkMicrodata(of spec: PipelineSpec, codebook: Codebook, diagnostics: inout [SpecDiagnostic]) {
    guard spec.outputs.microdata.contains(.sav) else { return }
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
}
