import Foundation
import TestSupport
import Testing

/// A question added to a tracker in a later wave, on copies of the shipped mayors' pipeline and
/// its three waves: the codebook's `waves:` says which waves ask it; the others run without it.
@Suite struct VariablesPerWaveTests {
  typealias Workspace = UnattendedRunTests.Workspace

  /// Adds q9 to the codebook (with `waves` when given), a net of it and both to the estimate
  /// variables, and a column `Q9` to the exports of `exports`, holding each export's q3 answers.
  private static func addQuestion(_ space: Workspace, waves: String?, exports: [String] = ["2017"]) throws {
    let codebook = space.root + "/Pipelines/codebooks/institutions.yml"
    let entry = """
        q9:
          type: single
          label: Q9 (depuis 2017)
          source: [Q9]
          values: {1: Oui, 2: Non}
          missing: {9: Ne sait pas}

      """ + (waves.map { "    waves: \($0)\n" } ?? "")
    try (try String(contentsOfFile: codebook, encoding: .utf8) + entry).write(
      toFile: codebook, atomically: true, encoding: .utf8)
    try edit(space.spec) {
      $0.replacingOccurrences(of: "q5, q8]", with: "q5, q8, q9, q9_oui]")
        .replacingOccurrences(
          of: "  consistency:",
          with: "    - {name: q9_oui, label: Oui (net), net: {of: q9, codes: [1]}}\n  consistency:")
    }
    // Quotes only appear in the last field (the free comment), so splitting on ';' finds q3.
    for wave in exports {
      try addColumn(to: space.root + "/Fixtures/institutions/maires-\(wave).csv")
    }
  }

  /// Inserts `Q9` after `q3` in an export, with the same answers.
  private static func addColumn(to export: String) throws {
    try edit(export) { text in
      let lines = text.components(separatedBy: "\r\n")
      let q3 = lines[0].split(separator: ";", omittingEmptySubsequences: false).firstIndex(of: "q3")!
      return lines.enumerated().map { index, line in
        guard !line.isEmpty else { return line }
        var fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        fields.insert(index == 0 ? "Q9" : fields[q3], at: q3 + 1)
        return fields.joined(separator: ";")
      }.joined(separator: "\r\n")
    }
  }

  @Test func aRecordFromBeforeTheCodebookSaidSoIsLeftOutOfTrends() throws {
    let space = try Workspace(waves: ["2015", "2016", "2017"])
    defer { space.remove() }
    try Self.addQuestion(space, waves: nil, exports: ["2015", "2016", "2017"])
    #expect(try space.run("--quiet").status == 0)
    let before = CSVText.records(try space.text("institutions/trends.csv"))
    #expect(before.contains { $0["variable"] == "q9" && $0["from_wave"] == "2016" && $0["to_wave"] == "2017" })
    // The codebook now says only 2017 asks q9; 2016 fails (a cut last record) and keeps its last
    // good record, which still has q9: trends and series leave it out all the same.
    let codebook = space.root + "/Pipelines/codebooks/institutions.yml"
    try (try String(contentsOfFile: codebook, encoding: .utf8) + "    waves: [2017]\n").write(
      toFile: codebook, atomically: true, encoding: .utf8)
    let export = space.root + "/Fixtures/institutions/maires-2016.csv"
    try (try String(contentsOfFile: export, encoding: .utf8) + "M9999;\"open").write(
      toFile: export, atomically: true, encoding: .utf8)
    let run = try space.run("--quiet")
    #expect(run.status == 2)
    // 2016 fails (its export fills in Q9, which the codebook now says 2016 does not ask).
    #expect(run.stderr.contains("maires-2016.csv:1: column 'Q9' holds"), "\(run.stderr)")
    #expect(try Self.audit(space, "2016").contains { $0["variable"] == "q9" })
    let trends = CSVText.records(try space.text("institutions/trends.csv"))
    #expect(trends.contains { $0["variable"] == "q3" && $0["from_wave"] == "2016" && $0["to_wave"] == "2017" })
    #expect(!trends.contains { $0["variable"] == "q9" || $0["variable"] == "q9_oui" })
    let feed = try JSONValue.load(space.survey + "/feed.json")
    guard case .array(let indicators)? = feed["indicators"],
      let q9 = indicators.first(where: { $0["variable"] == .string("q9") }),
      case .array(let values)? = q9["values"], case .array(let points)? = values.first?["series"]
    else {
      Issue.record("the time-series feed has q9 with a series")
      return
    }
    #expect(points.map { $0["wave"] } == [.string("2017")])
  }

  private static func edit(_ path: String, _ change: (String) -> String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let changed = change(text)
    #expect(changed != text, "\(path) unchanged")
    try changed.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// indicators-audit.csv of a wave, as records.
  private static func audit(_ space: Workspace, _ wave: String) throws -> [[String: String]] {
    CSVText.records(try space.text("institutions/\(wave)/indicators-audit.csv"))
  }

  private static func key(_ record: [String: String]) -> String {
    ["category", "statistic", "breakdown", "breakdown_value"].map { record[$0]! }.joined(separator: "|")
  }

  @Test func aQuestionAddedIn2017IsNotAskedIn2015And2016() throws {
    let space = try Workspace(waves: ["2015", "2016", "2017"])
    defer { space.remove() }
    try Self.addQuestion(space, waves: "[2017]")
    let run = try space.run("--quiet")
    #expect(run.status == 0 && run.stderr == "", "\(run.stderr)")
    let schema = try JSONSchemaValidator.feed()
    for wave in ["2015", "2016"] {
      let variables = Set(try Self.audit(space, wave).map { $0["variable"]! })
      #expect(variables.contains("q3") && !variables.contains("q9") && !variables.contains("q9_oui"))
      let header = try #require(try space.text("institutions/\(wave)/clean.csv").split(separator: "\r\n").first)
      #expect(header.contains(",q3,") && !header.contains("q9"))
      let feed = try JSONValue.load(space.survey + "/\(wave)/feed.json")
      #expect(schema.errors(feed) == [])
      #expect(
        feed["not_asked"]
          == .array([.object(["wave": .string(wave), "variables": .array([.string("q9"), .string("q9_oui")])])]))
      let manifest = try JSONValue.load(space.survey + "/\(wave)/manifest.json")
      guard case .array(let waves)? = manifest["waves"] else {
        Issue.record("manifest without waves")
        return
      }
      #expect(waves.first?["notAsked"] == .array([.string("q9"), .string("q9_oui")]))
    }
    // 2017: q9 holds q3's answers, so each of its indicators is q3's (an ordinary variable, checked
    // against R by PipelineOracleTests), and its net « Oui » is q3's category 1.
    let audit = try Self.audit(space, "2017")
    let q3 = Dictionary(uniqueKeysWithValues: audit.filter { $0["variable"] == "q3" }.map { (Self.key($0), $0) })
    let q9 = audit.filter { $0["variable"] == "q9" }
    #expect(q9.count == q3.count && q9.count == 2 * 42)
    for record in q9 {
      var expected = try #require(q3[Self.key(record)])
      expected["variable"] = "q9"
      expected["variable_label"] = "Q9 (depuis 2017)"
      #expect(record == expected)
    }
    let net = audit.filter { $0["variable"] == "q9_oui" }
    #expect(net.count == 42)
    for record in net {
      let same = try #require(q3[Self.key(record)])
      #expect(record["n"] == same["n"] && record["flags"] == same["flags"])
      for (field, tolerance) in [("estimate", 1e-9), ("se", 1e-6), ("ci_lower", 1e-6), ("ci_upper", 1e-6)] {
        let (value, reference) = (try #require(Double(record[field]!)), try #require(Double(same[field]!)))
        #expect(abs(value - reference) <= tolerance * abs(reference), "\(field) of \(Self.key(record))")
      }
    }
    let waveFeed = try JSONValue.load(space.survey + "/2017/feed.json")
    #expect(waveFeed["not_asked"] == .array([.object(["wave": .string("2017"), "variables": .array([])])]))
    // Trends: q3 changes from 2016 to 2017; q9 and its net have no change, 2016 not asking them.
    let trends = CSVText.records(try space.text("institutions/trends.csv"))
    #expect(trends.contains { $0["variable"] == "q3" && $0["from_wave"] == "2016" && $0["to_wave"] == "2017" })
    #expect(!trends.contains { $0["variable"] == "q9" || $0["variable"] == "q9_oui" })
    // The time-series feed: which waves ask what, and q9's series is its 2017 point alone.
    let feed = try JSONValue.load(space.survey + "/feed.json")
    #expect(schema.errors(feed) == [])
    let unasked: JSONValue = .array([.string("q9"), .string("q9_oui")])
    #expect(
      feed["not_asked"]
        == .array([
          .object(["wave": .string("2015"), "variables": unasked]),
          .object(["wave": .string("2016"), "variables": unasked]),
          .object(["wave": .string("2017"), "variables": .array([])]),
        ]))
    guard case .array(let indicators)? = feed["indicators"] else {
      Issue.record("the time-series feed has indicators")
      return
    }
    let q9Entries = indicators.filter { $0["variable"] == .string("q9") }
    #expect(q9Entries.count == 2)
    for entry in q9Entries {
      guard case .array(let values)? = entry["values"] else { continue }
      #expect(values.count == 42)
      for value in values {
        guard case .array(let points)? = value["series"] else { continue }
        #expect(points.count == 1 && points[0]["wave"] == .string("2017") && points[0]["change"] == .null)
      }
    }
  }

  /// A question reworded in 2017: a new variable `q3b` reads the same export column from 2017 on,
  /// `q3` until 2016. Both validate (their waves cannot meet) and run; 2017's q3b indicators are
  /// those q3 had in 2017 (same answers, same weights), 2015 and 2016 keep q3's.
  @Test func aQuestionRewordedIn2017IsANewVariableReadingTheSameColumn() throws {
    let space = try Workspace(waves: ["2015", "2016", "2017"])
    defer { space.remove() }
    #expect(try space.run("--quiet").status == 0)
    let before = try ["2015", "2016", "2017"].map { wave in
      try Self.audit(space, wave).filter { $0["variable"] == "q3" }
    }
    let codebook = space.root + "/Pipelines/codebooks/institutions.yml"
    try Self.edit(codebook) {
      $0.replacingOccurrences(of: "  q3:\n", with: "  q3:\n    waves: {to: 2016}\n")
        + """
          q3b:
            type: single
            label: Q3 reformulée (depuis 2017)
            source: [q3]
            values: {1: Oui, 2: Non}
            missing: {9: Ne sait pas}
            waves: {from: 2017}

        """
    }
    try Self.edit(space.spec) { $0.replacingOccurrences(of: "q5, q8]", with: "q5, q8, q3b]") }
    let validate = try PhareProcess.run("validate", space.spec)
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    let run = try space.run("--quiet")
    #expect(run.status == 0 && run.stderr == "", "\(run.stderr)")
    for (index, wave) in ["2015", "2016"].enumerated() {
      let audit = try Self.audit(space, wave)
      #expect(audit.filter { $0["variable"] == "q3" } == before[index])
      #expect(!audit.contains { $0["variable"] == "q3b" })
    }
    let audit = try Self.audit(space, "2017")
    #expect(!audit.contains { $0["variable"] == "q3" })
    let reworded = audit.filter { $0["variable"] == "q3b" }
    #expect(reworded.count == before[2].count && reworded.count == 2 * 42)
    #expect(
      reworded.map { record in
        var record = record
        record["variable"] = "q3"
        record["variable_label"] = before[2].first?["variable_label"]
        return record
      } == before[2])
  }

  /// A `waves:` typo (2106 for 2016) would drop the question's answers from every wave without a
  /// word: a wave that fills in the column of a question it does not ask fails, naming the column,
  /// its count of answers and the codebook line; `phare validate` refuses the spec alike.
  @Test func aWaveFillingInAQuestionItDoesNotAskFailsNamingTheColumnAndTheCodebookLine() throws {
    let space = try Workspace(waves: ["2015", "2016", "2017"])
    defer { space.remove() }
    try Self.addQuestion(space, waves: "[2106]", exports: ["2015", "2016", "2017"])
    let codebook = space.root + "/Pipelines/codebooks/institutions.yml"
    let line =
      try String(contentsOfFile: codebook, encoding: .utf8).components(separatedBy: "\n")
      .firstIndex(of: "  q9:")! + 1
    var expected: [String] = []
    for wave in ["2015", "2016", "2017"] {
      let export = space.root + "/Fixtures/institutions/maires-\(wave).csv"
      // The answers: Q9's non-blank fields in the export's records of the header's width (the
      // ingest quarantines the others), read by the tests' own CSV reader.
      let rows = CSVText.rows(
        String(try String(contentsOfFile: export, encoding: .utf8).drop { $0 == "\u{FEFF}" }), separator: ";")
      let column = rows[0].firstIndex(of: "Q9")!
      let answers = rows.dropFirst().filter { $0.count == rows[0].count && !$0[column].isEmpty }.count
      expected.append(
        "\(export):1: column 'Q9' holds \(answers) answers to 'q9', which wave \(wave) does not ask by the "
          + "codebook's waves: [2106] (\(codebook):\(line)): correct waves: or leave the column empty")
    }
    let run = try space.run("--quiet")
    #expect(run.status == 2)
    #expect(run.stderr.split(separator: "\n").map(String.init) == expected.map { "error: " + $0 })
    #expect(!FileManager.default.fileExists(atPath: space.survey + "/2016/indicators.csv"))
    let validate = try PhareProcess.run("validate", space.spec)
    #expect(validate.status == 1)
    let problems = (validate.stdout + validate.stderr).split(separator: "\n").map(String.init)
    #expect(problems.filter { $0.contains("holds") } == expected)
  }

  @Test func aQuestionWithoutWavesFailsTheWavesWhoseExportLacksItNamingTheFileOnce() throws {
    let space = try Workspace(waves: ["2015", "2016", "2017"])
    defer { space.remove() }
    try Self.addQuestion(space, waves: nil)
    let run = try space.run("--quiet")
    #expect(run.status == 2)
    let errors = run.stderr.split(separator: "\n").map(String.init)
    #expect(errors.count == 2, "\(run.stderr)")
    for (line, wave) in zip(errors, ["2015", "2016"]) {
      let export = space.root + "/Fixtures/institutions/maires-\(wave).csv"
      #expect(line.hasPrefix("error: \(export):1: no column for variable 'q9' (looked for Q9; header: "), "\(line)")
      #expect(line.components(separatedBy: "maires-\(wave).csv").count == 2, "\(line)")
    }
    #expect(FileManager.default.fileExists(atPath: space.survey + "/2017/indicators.csv"))
    #expect(!FileManager.default.fileExists(atPath: space.survey + "/2015/indicators.csv"))
    // The stage commands name the export once too.
    let estimate = try PhareProcess.run("estimate", space.spec, "--out", space.root + "/estimate")
    #expect(estimate.status == 2)
    let lines = estimate.stderr.split(separator: "\n").filter { $0.contains("maires-2015.csv") }
    #expect(lines.count == 1 && lines[0].components(separatedBy: "maires-2015.csv").count == 2, "\(estimate.stderr)")
  }

  @Test func validateNamesTheWavesThatDoNotAskABreakdownAndBadWaves() throws {
    let space = try Workspace(waves: ["2015", "2016", "2017"])
    defer { space.remove() }
    try Self.addQuestion(space, waves: "[2017]")
    try Self.edit(space.spec) {
      $0.replacingOccurrences(
        of: "breakdowns: [urbain, region, region*urbain]", with: "breakdowns: [urbain, region, region*urbain, q9]")
    }
    let line =
      try #require(
        try String(contentsOfFile: space.spec, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
          .firstIndex { $0.contains("breakdowns: [urbain, region, region*urbain, q9]") }) + 1
    let validate = try PhareProcess.run("validate", space.spec)
    #expect(validate.status == 1)
    #expect(
      validate.stderr.split(separator: "\n").map(String.init) == [
        "\(space.spec):\(line): estimate.breakdowns: 'q9' is not asked in waves 2015, 2016 (codebook waves: [2017]); "
          + "a breakdown must be asked in every wave",
        "1 problem(s) in 1 file(s)",
      ])
    // A range that no wave can fall in, at the line of the range.
    let codebook = space.root + "/Pipelines/codebooks/institutions.yml"
    try Self.edit(codebook) { $0.replacingOccurrences(of: "waves: [2017]", with: "waves: {from: 2017, to: 2016}") }
    let rangeLine =
      try #require(
        try String(contentsOfFile: codebook, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
          .firstIndex { $0.contains("waves: {from: 2017") }) + 1
    let invalid = try PhareProcess.run("validate", space.spec)
    #expect(invalid.status == 1)
    #expect(
      invalid.stderr.contains(
        "\(codebook):\(rangeLine): waves of variable 'q9': from 2017 comes after to 2016 (wave ids compare as text), "
          + "so no wave would ask it\n"), "\(invalid.stderr)")
  }
}
