extension FragilityDomain {
  /// Reads a domains file with columns `code,id,label`; every malformed or repeated line is
  /// reported with its number.
  public static func load(_ path: String) throws -> [FragilityDomain] {
    let ingest = try CSVReader().read(path)
    var problems = ingest.quarantined.map { SpecDiagnostic(file: path, line: $0.line, message: $0.message) }
    let table = ingest.table
    guard let codes = table["code"], let ids = table["id"], let labels = table["label"] else {
      throw SpecProblems([SpecDiagnostic(file: path, line: 1, message: "the header should be code,id,label")])
    }
    var domains: [FragilityDomain] = []
    for row in 0..<table.rowCount {
      let line = Int(ingest.sourceLines[row])
      func problem(_ message: String) { problems.append(SpecDiagnostic(file: path, line: line, message: message)) }
      guard let code = codes.text(at: row).flatMap({ Int($0.trimmingSpaces()) }), code > 0 else {
        problem("code '\(codes.text(at: row) ?? "")' should be a whole number above 0")
        continue
      }
      guard let id = ids.text(at: row)?.trimmingSpaces(), !id.isEmpty, let label = labels.text(at: row), !label.isEmpty
      else {
        problem("domain \(code) needs an id and a label")
        continue
      }
      if domains.contains(where: { $0.code == code || $0.id == id }) {
        problem("domain \(code) '\(id)' repeats a code or an id listed above")
        continue
      }
      domains.append(FragilityDomain(code: code, id: id, label: label))
    }
    guard problems.isEmpty else { throw SpecProblems(problems) }
    return domains
  }
}
