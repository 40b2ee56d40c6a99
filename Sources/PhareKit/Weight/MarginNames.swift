/// Names of margins and of their categories, for messages and diagnostics.
struct MarginNames: Equatable {
  var margins: [String]
  var categories: [[String]]

  /// A margin category as messages and `weighting.csv` name it: its codes, then the codebook's
  /// labels when every code has one — `94*1 « Corse × employeuse »` — else the codes alone.
  static func category(_ codes: [Int], of variables: [String], in wave: CleanWave) -> String {
    let code = WeightStage.label(codes)
    guard let label = self.label(codes, of: variables, in: wave) else { return code }
    return "\(code) « \(label) »"
  }

  /// The codebook labels of a category's codes joined by ` × `, nil when a code has none.
  static func label(_ codes: [Int], of variables: [String], in wave: CleanWave) -> String? {
    var labels: [String] = []
    for (code, name) in zip(codes, variables) {
      guard let label = wave.variable(named: name)?.label(of: code) else { return nil }
      labels.append(label)
    }
    return labels.joined(separator: " × ")
  }
}
