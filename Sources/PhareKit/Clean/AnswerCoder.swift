import Foundation

/// Turns raw answers of one codebook variable into codes or numbers, or says why it cannot.
struct AnswerCoder {
  let variable: CodebookVariable
  /// Whether the export's decimal mark is `,` (a `;`-separated file).
  let decimalComma: Bool
  /// How the column's other answers write `.` and `,`, which settles `1,234`.
  let evidence: MarkEvidence
  private let labelCodes: [String: Int]

  init(_ variable: CodebookVariable, decimalComma: Bool, evidence: MarkEvidence = MarkEvidence()) {
    self.variable = variable
    self.decimalComma = decimalComma
    self.evidence = evidence
    var labelCodes: [String: Int] = [:]
    for value in variable.values + variable.missingCodes {
      labelCodes[AnswerText.fold(value.label)] = value.code
    }
    self.labelCodes = labelCodes
  }

  /// A cell the export already holds as a number.
  func outcome(number: Double) -> CellOutcome {
    if variable.isMissingCode(number) { return .value(number) }
    switch variable.kind {
    case .single:
      guard variable.values.contains(where: { Double($0.code) == number }) else {
        return .invalid(
          rule: "clean.unknown-code",
          message: "\(variable.name): \(describe(number)) is not one of its codes \(codeList)")
      }
    case .scale, .numeric:
      if let range = variable.range, !range.contains(number) {
        return .invalid(
          rule: "clean.out-of-range",
          message:
            "\(variable.name): \(describe(number)) is outside \(describe(range.lowerBound))-\(describe(range.upperBound))"
        )
      }
      if variable.kind == .scale && number.rounded() != number {
        return .invalid(
          rule: "clean.not-a-whole-number", message: "\(variable.name): \(describe(number)) is not a whole score")
      }
    case .identifier, .multiple, .text, .personal:
      break
    }
    return .value(number)
  }

  /// A cell held as text: blank, a loosely written number, or a label.
  func outcome(text: String?) -> CellOutcome {
    guard let text, !AnswerText.isBlank(text) else { return .blank }
    // A label that reads as a number in scientific notation (`2E5`, a product reference) is its label.
    if text.contains(where: \.isLetter), let code = labelCodes[AnswerText.fold(text)] { return .value(Double(code)) }
    switch AnswerText.reading(text, decimalComma: decimalComma, evidence: evidence) {
    case .number(let number): return outcome(number: number)
    case .ambiguous: return ambiguous(text)
    case .notANumber: break
    }
    if let code = labelCodes[AnswerText.fold(text)] { return .value(Double(code)) }
    let expected = variable.kind == .single || !variable.values.isEmpty ? "a code or label of its answers" : "a number"
    return .invalid(rule: "clean.unknown-answer", message: "\(variable.name): not \(expected)")
  }

  /// `1,234` or `1.234`: a decimal mark or a thousands separator, which only the export's author knows.
  private func ambiguous(_ text: String) -> CellOutcome {
    let written = text.trimmingCharacters(in: .whitespaces)
    let mark = written.contains(",") ? "comma" : "point"
    let decimal = written.replacingOccurrences(of: ",", with: ".")
    let thousands = written.filter { $0 != "," && $0 != "." }
    return .invalid(
      rule: "clean.ambiguous-number",
      message:
        "\(variable.name): '\(written)' is ambiguous: \(decimal) with a decimal \(mark) or \(thousands) with a "
        + "thousands separator; write thousands with a space (1 234) or none (1234)")
  }

  private var codeList: String {
    let answers = variable.values.map { String($0.code) }.joined(separator: ", ")
    let missing = variable.missingCodes.map { String($0.code) }.joined(separator: ", ")
    return missing.isEmpty ? "(\(answers))" : "(\(answers); missing \(missing))"
  }

  private func describe(_ number: Double) -> String {
    NumberParser.render(number, decimalComma: false)
  }
}
