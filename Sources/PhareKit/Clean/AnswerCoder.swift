/// Turns raw answers of one codebook variable into codes or numbers, or says why it cannot.
struct AnswerCoder {
  let variable: CodebookVariable
  private let labelCodes: [String: Int]

  init(_ variable: CodebookVariable) {
    self.variable = variable
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
    if let number = AnswerText.number(text) { return outcome(number: number) }
    if let code = labelCodes[AnswerText.fold(text)] { return .value(Double(code)) }
    let expected = variable.kind == .single || !variable.values.isEmpty ? "a code or label of its answers" : "a number"
    return .invalid(rule: "clean.unknown-answer", message: "\(variable.name): not \(expected)")
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
