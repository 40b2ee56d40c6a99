/// Population totals of the weighting margins, from a CSV file with columns
/// `variable,category,total`; a crossing is written `region*urbain`, its categories `11*1`.
public struct PopulationMargins: Sendable, Equatable {
  /// One category of a margin and its population total.
  public struct Cell: Sendable, Equatable {
    public var codes: [Int]
    public var total: Double
  }

  public let file: String
  /// Each margin's categories in file order.
  public let margins: [String: [Cell]]
  /// The CSV line of each margin's categories, in the same order (empty when not read from a file).
  public var lines: [String: [Int]] = [:]

  /// Margins that sum to within this share of each other describe one population (the check
  /// `WeightStage` makes before calibrating, and `phare validate` before any data is read).
  public static let totalTolerance = 1e-9

  /// The codes of a category written `11` or `11*1`.
  static func codes(_ text: String) -> [Int]? {
    let parts = text.split(separator: "*", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces()) }
    return parts.allSatisfy { $0 != nil } ? parts.map { $0! } : nil
  }

  /// Reads the file; every malformed line is reported with its number.
  /// Totals must be finite and positive. Throws `SpecProblems` (or `IngestError` for a file
  /// that cannot be read as CSV).
  public static func load(_ path: String) throws -> PopulationMargins {
    let ingest = try CSVReader().read(path)
    var problems = ingest.quarantined.map { SpecDiagnostic(file: path, line: $0.line, message: $0.message) }
    let table = ingest.table
    guard let variables = table["variable"], let categories = table["category"], let totals = table["total"] else {
      throw SpecProblems([SpecDiagnostic(file: path, line: 1, message: "the header should be variable,category,total")])
    }
    var margins: [String: [Cell]] = [:]
    var lines: [String: [Int]] = [:]
    var seen: Set<String> = []
    for row in 0..<table.rowCount {
      let line = Int(ingest.sourceLines[row])
      func problem(_ message: String) { problems.append(SpecDiagnostic(file: path, line: line, message: message)) }
      guard
        let variable = variables.text(at: row)?.split(separator: "*", omittingEmptySubsequences: false)
          .map({ String($0).trimmingSpaces() }).joined(separator: "*"), !variable.isEmpty
      else {
        problem("the variable is blank")
        continue
      }
      guard let text = categories.text(at: row), let codes = codes(text),
        codes.count == variable.split(separator: "*").count
      else {
        problem(
          "category '\(categories.text(at: row) ?? "")' should be \(variable.contains("*") ? "codes like 11*1" : "a whole-number code")"
        )
        continue
      }
      if let text = totals.text(at: row), text.contains(/,\d{3}(\D|$)/) {
        problem("total '\(text)' is ambiguous (a thousands separator or a decimal comma?): write it without a comma")
        continue
      }
      guard let total = totals.text(at: row).flatMap(AnswerText.number), total > 0 else {
        problem(
          "total '\(totals.text(at: row) ?? "")' should be a positive number (a category with no population "
            + "is removed or collapsed into a neighbour)")
        continue
      }
      if !seen.insert(variable + "=" + WeightStage.label(codes)).inserted {
        problem("\(variable) category \(text) is listed twice")
        continue
      }
      margins[variable, default: []].append(Cell(codes: codes, total: total))
      lines[variable, default: []].append(line)
    }
    if table.rowCount == 0 { problems.append(SpecDiagnostic(file: path, line: 2, message: "the file has no totals")) }
    guard problems.isEmpty else { throw SpecProblems(problems) }
    return PopulationMargins(file: path, margins: margins, lines: lines)
  }
}
