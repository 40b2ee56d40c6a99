/// The published PHARE figures the fixtures model, each with where phare estimates it: the generator's
/// truth, so no published number is typed twice (Fixtures/published/published-figures.csv).
public struct PublishedFigures: Sendable {
  /// Where phare finds a figure in its outputs.
  struct Key: Hashable, Sendable {
    var pipeline: String
    var variable: String
    var category: String
    var breakdown: String
    var breakdownValue: String
    var statistic: String
  }

  /// Each figure divided by its scale: a share for a percentage, the score for a mean.
  let values: [Key: Double]

  /// Reads the file; a row whose value or scale is not a number is an error with its line.
  public static func load(_ path: String) throws -> PublishedFigures {
    let ingest = try CSVReader().read(path)
    let table = ingest.table
    let names = ["pipeline", "variable", "category", "breakdown", "breakdown_value", "statistic", "value", "scale"]
    let columns = names.compactMap { table[$0] }
    guard columns.count == names.count else {
      throw SpecProblems([
        SpecDiagnostic(
          file: path, line: 1, message: "the header should have the columns \(names.joined(separator: ", "))")
      ])
    }
    var values: [Key: Double] = [:]
    var problems = ingest.quarantined.map { SpecDiagnostic(file: path, line: $0.line, message: $0.message) }
    for row in 0..<table.rowCount {
      let text = columns.map { $0.text(at: row) ?? "" }
      guard let value = Double(text[6]), let scale = Double(text[7]), scale > 0 else {
        problems.append(
          SpecDiagnostic(
            file: path, line: Int(ingest.sourceLines[row]), message: "value and scale should be numbers"))
        continue
      }
      let key = Key(
        pipeline: text[0], variable: text[1], category: text[2], breakdown: text[3], breakdownValue: text[4],
        statistic: text[5])
      values[key] = value / scale
    }
    guard problems.isEmpty else { throw SpecProblems(problems) }
    return PublishedFigures(values: values)
  }

  /// The figure of one pipeline's variable, nil when it is not published.
  func value(
    _ pipeline: String, _ variable: String, category: String = "1", breakdown: String = "national",
    at breakdownValue: String = "", statistic: String = "proportion"
  ) -> Double? {
    values[
      Key(
        pipeline: pipeline, variable: variable, category: category, breakdown: breakdown,
        breakdownValue: breakdownValue, statistic: statistic)]
  }

  /// A figure the model cannot do without.
  func required(
    _ pipeline: String, _ variable: String, category: String = "1", breakdown: String = "national",
    at breakdownValue: String = "", statistic: String = "proportion"
  ) throws -> Double {
    guard
      let value = value(
        pipeline, variable, category: category, breakdown: breakdown, at: breakdownValue, statistic: statistic)
    else {
      throw SynthesisError.missingFigure(
        "\(pipeline) \(variable) category '\(category)' \(breakdown) '\(breakdownValue)' \(statistic)")
    }
    return value
  }

  /// Per domain (1 to 16), the published figure where there is one and the plausible value
  /// otherwise; each domain must be in exactly one of the two.
  func domains(
    _ pipeline: String, _ prefix: String, category: String = "1", statistic: String = "proportion",
    plausible: [Int: Double]
  ) throws -> [Double] {
    try (1...16).map { domain in
      let name = prefix + (domain < 10 ? "0" : "") + String(domain)
      let published = value(pipeline, name, category: category, statistic: statistic)
      switch (published, plausible[domain]) {
      case (let value?, nil), (nil, let value?): return value
      case (_?, _?):
        throw SynthesisError.modelConflict("\(pipeline) \(name) is published and also given a plausible value")
      case (nil, nil): throw SynthesisError.missingFigure("\(pipeline) \(name): neither published nor modelled")
      }
    }
  }
}
