import Foundation
import TestSupport
import Testing

/// Trends, time-series feeds and matrices follow the fingerprints of the waves they are built
/// from, on copies of the shipped pipelines: an unchanged rerun writes none of them, a missing or
/// damaged one is rebuilt, and a matrix wave some surveys have not delivered is written with their
/// cells flagged, once, then rebuilt when they deliver it.
@Suite struct DerivedOutputsTests {
  private static let repository = PhareProcess.fixtures + "../../.."
  private static let exports = [
    "associations": "associations/associations", "citoyens": "citoyens/citoyens",
    "entreprises": "entreprises/entreprises", "institutions": "institutions/maires",
  ]

  /// A copy of the shipped `Pipelines/` (the four surveys and the matrix), the populations and the
  /// given waves of every survey's export.
  struct Workspace {
    let root = NSTemporaryDirectory() + "phare-derived-" + UUID().uuidString
    var out: String { root + "/out" }

    init(waves: [String]) throws {
      try FileManager.default.createDirectory(atPath: root + "/Fixtures", withIntermediateDirectories: true)
      for folder in ["Pipelines", "Fixtures/populations"] {
        try FileManager.default.copyItem(
          atPath: DerivedOutputsTests.repository + "/" + folder, toPath: root + "/" + folder)
      }
      for survey in DerivedOutputsTests.exports.keys {
        try FileManager.default.createDirectory(atPath: root + "/Fixtures/" + survey, withIntermediateDirectories: true)
        for wave in waves { try deliver(survey, wave, from: wave) }
      }
    }

    /// Copies the shipped export of `survey` for wave `from` as its wave `wave`.
    func deliver(_ survey: String, _ wave: String, from: String) throws {
      let export = DerivedOutputsTests.exports[survey]!
      try FileManager.default.copyItem(
        atPath: DerivedOutputsTests.repository + "/Fixtures/\(export)-\(from).csv",
        toPath: root + "/Fixtures/\(export)-\(wave).csv")
    }

    func run(_ arguments: String...) throws -> PhareProcess {
      try PhareProcess.run(["run", root + "/Pipelines", "--out", out] + arguments)
    }

    /// Each file's inode and modification time: what an untouched file keeps.
    func identity(_ paths: [String]) throws -> [String: String] {
      var identities: [String: String] = [:]
      for path in paths {
        let attributes = try FileManager.default.attributesOfItem(atPath: out + "/" + path)
        identities[path] = "\(attributes[.systemFileNumber] ?? "") \(attributes[.modificationDate] ?? "")"
      }
      return identities
    }

    func text(_ path: String) throws -> String {
      try String(contentsOfFile: out + "/" + path, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
  }

  /// The log lines of `run` that contain `text`.
  private static func lines(_ run: PhareProcess, _ text: String) -> [Substring] {
    run.stderr.split(separator: "\n").filter { $0.contains(text) }
  }

  @Test func aMatrixWaveSomeSurveysHaveNotDeliveredIsFlaggedOnceAndRebuiltWhenTheyDo() throws {
    let space = try Workspace(waves: ["2017"])
    defer { space.remove() }
    #expect(try space.run("--quiet").status == 0)
    // The citizens deliver 2018 (their 2017 answers again); the three other surveys have not yet.
    try space.deliver("citoyens", "2018", from: "2017")
    let partial = try space.run()
    #expect(partial.status == 0, "\(partial.stderr)")
    // One warning line, naming the matrix, the wave and the surveys' actors that have not delivered it.
    #expect(Self.lines(partial, " warning ").count == 1)
    let warning = try #require(Self.lines(partial, " warning ").first)
    #expect(
      warning.hasSuffix(
        " warning matrix written without some actors' wave, their cells flagged actor-wave-missing "
          + "matrix=territoires missing=associations,entreprises,maires wave=2018"))
    #expect(!partial.stderr.contains("error"))
    #expect(
      partial.stdout.contains(
        "  wave 2018: 448 of 1120 cells estimated; no wave 2018 yet from associations, entreprises, maires; "
          + "wrote \(space.out)/territoires/2018/"))
    // 14 rows (the nation, 13 regions) × 16 domains × 5 measures; the citizens' 2 measures filled as
    // in 2017, the other 3 blank and flagged.
    let matrix = CSVText.records(try space.text("territoires/2018/matrix.csv"))
    #expect(matrix.count == 14 * 16 * 5)
    let flagged = matrix.filter { $0["flags"] == "actor-wave-missing" }
    #expect(flagged.count == 14 * 16 * 3)
    #expect(Set(flagged.map { $0["measure"] ?? "" }).count == 3)
    #expect(flagged.allSatisfy { !($0["measure"] ?? "").hasSuffix("-citoyens") })
    #expect(flagged.allSatisfy { $0["estimate"] == "" && $0["n"] == "" && $0["actor"] == "" })
    let previous = CSVText.records(try space.text("territoires/2017/matrix.csv"))
    func citizens(_ rows: [[String: String]]) -> [[String: String]] {
      rows.filter { ($0["measure"] ?? "").hasSuffix("-citoyens") }.map { $0.filter { $0.key != "wave" } }
    }
    #expect(citizens(matrix) == citizens(previous))
    let feed = try JSONValue.load(space.out + "/territoires/2018/feed.json")
    #expect(try JSONSchemaValidator.matrixFeed().errors(feed) == [])
    #expect(feed["schema_version"] == .string("2.1.0"))
    guard case .array(let cells)? = feed["cells"] else {
      Issue.record("the feed has cells")
      return
    }
    #expect(cells.filter { $0["flags"] == .array([.string("actor-wave-missing")]) }.count == 14 * 16 * 3)
    #expect(cells.filter { $0["flags"] == .array([]) && $0["value"] != .null }.count == 14 * 16 * 2)

    // The next night nothing arrived: the partial matrix is not rebuilt, and nothing is said.
    let files = ["territoires/2018/matrix.csv", "territoires/2018/feed.json", "territoires/2018/manifest.json"]
    let written = try space.identity(files)
    let quiet = try space.run("--quiet")
    #expect(quiet.status == 0 && quiet.stdout == "" && quiet.stderr == "", "\(quiet.stderr)")
    let told = try space.run()
    #expect(told.status == 0 && !told.stderr.contains(" warning "))
    #expect(told.stdout.contains("  wave 2018: unchanged; no wave 2018 yet from associations, entreprises, maires\n"))
    #expect(try space.identity(files) == written)

    // The others deliver 2018: the matrix is rebuilt whole, without flags.
    for survey in ["associations", "entreprises", "institutions"] { try space.deliver(survey, "2018", from: "2017") }
    let complete = try space.run()
    #expect(complete.status == 0, "\(complete.stderr)")
    #expect(!complete.stderr.contains(" warning "))
    #expect(complete.stdout.contains("  wave 2018: 1120 of 1120 cells estimated; wrote \(space.out)/territoires/2018/"))
    #expect(try space.identity(files)["territoires/2018/matrix.csv"] != written["territoires/2018/matrix.csv"])
    let rebuilt = try space.text("territoires/2018/matrix.csv")
    #expect(!rebuilt.contains("actor-wave-missing"))
    #expect(
      rebuilt == (try space.text("territoires/2017/matrix.csv")).replacingOccurrences(of: "\n2017,", with: "\n2018,"))
  }

  @Test func anUnchangedRerunWritesNoDerivedOutputAndMissingOrDamagedOnesAreRebuilt() throws {
    let space = try Workspace(waves: ["2016", "2017"])
    defer { space.remove() }
    let first = try space.run("--quiet")
    #expect(first.status == 0, "\(first.stderr)")
    let surveys = ["associations", "citoyens", "entreprises", "institutions"]
    let derived =
      surveys.flatMap { ["\($0)/trends.csv", "\($0)/feed.json", "\($0)/series-manifest.json"] }
      + ["2016", "2017"].flatMap { wave in
        ["matrix.csv", "feed.json", "manifest.json"].map { "territoires/\(wave)/\($0)" }
      }
    let written = try space.identity(derived)
    let texts = try Dictionary(uniqueKeysWithValues: derived.map { ($0, try space.text($0)) })

    let rerun = try space.run()
    #expect(rerun.status == 0, "\(rerun.stderr)")
    for stage in [" clean done ", " weight done ", " estimate done ", " trends written ", " matrix written "] {
      #expect(Self.lines(rerun, stage) == [], "\(stage)")
    }
    #expect(rerun.stdout.contains("  wave 2017: unchanged\n"))
    #expect(try space.identity(derived) == written)

    // One trends file deleted, a feed cut short, a series manifest and a matrix file deleted.
    try FileManager.default.removeItem(atPath: space.out + "/citoyens/trends.csv")
    let feed = space.out + "/associations/feed.json"
    try Data(try Data(contentsOf: URL(fileURLWithPath: feed)).prefix(1000)).write(to: URL(fileURLWithPath: feed))
    try FileManager.default.removeItem(atPath: space.out + "/entreprises/series-manifest.json")
    try FileManager.default.removeItem(atPath: space.out + "/territoires/2017/matrix.csv")
    let repair = try space.run()
    #expect(repair.status == 0, "\(repair.stderr)")
    #expect(Self.lines(repair, " clean done ") == [])
    let trends = Self.lines(repair, " trends written ")
    #expect(trends.count == 3)
    for survey in ["associations", "citoyens", "entreprises"] {
      #expect(trends.contains { $0.contains("survey=\(survey) ") }, "\(survey)")
    }
    #expect(Self.lines(repair, " matrix written ").map { $0.hasSuffix(" wave=2017") } == [true])
    func comparable(_ text: String) -> [Substring] {
      text.split(separator: "\n").filter { !$0.contains("\"generated_at\" : ") }
    }
    for path in derived {
      #expect(comparable(try space.text(path)) == comparable(texts[path]!), "\(path)")
    }
    let after = try space.identity(derived)
    for path in ["institutions/trends.csv", "institutions/feed.json", "territoires/2016/matrix.csv"] {
      #expect(after[path] == written[path], "\(path) was rewritten")
    }
  }

  /// A survey whose update fails after its waves were recorded (its trends cannot be written)
  /// leaves every matrix as it was: building them then would flag its cells actor-wave-missing.
  @Test func aSurveyThatCannotBeUpdatedLeavesTheMatricesAsTheyWere() throws {
    let space = try Workspace(waves: ["2016"])
    defer { space.remove() }
    #expect(try space.run("--quiet").status == 0)
    let matrix = ["territoires/2016/matrix.csv", "territoires/2016/feed.json"]
    let before = try space.identity(matrix)
    try FileManager.default.removeItem(atPath: space.out + "/citoyens/trends.csv")
    try FileManager.default.removeItem(atPath: space.out + "/citoyens/series-manifest.json")
    try FileManager.default.createDirectory(
      atPath: space.out + "/citoyens/trends.csv/in-the-way", withIntermediateDirectories: true)
    let blocked = try space.run("--quiet")
    #expect(blocked.status == 1)
    #expect(blocked.stderr.contains("trends.csv"), "\(blocked.stderr)")
    #expect(!blocked.stderr.contains("actor-wave-missing"), "\(blocked.stderr)")
    #expect(blocked.stderr.contains("matrix left as it was"), "\(blocked.stderr)")
    #expect(try space.identity(matrix) == before)
    try FileManager.default.removeItem(atPath: space.out + "/citoyens/trends.csv")
    #expect(try space.run("--quiet").status == 0)
    #expect(try space.identity(matrix) == before)
    #expect(FileManager.default.fileExists(atPath: space.out + "/citoyens/trends.csv"))
  }

  /// A question the mayors' codebook says 2015 did not ask (`waves: {from: 2016}`, its column gone
  /// from the 2015 export): the matrix of 2015 has its cells blank and flagged not-asked, no
  /// problem, exit 0; 2016's cells of the same measure and domain are estimated as before.
  @Test func aQuestionNotAskedInAWaveFlagsItsMatrixCellsNotAsked() throws {
    let space = try Workspace(waves: ["2015", "2016"])
    defer { space.remove() }
    let codebook = space.root + "/Pipelines/codebooks/institutions.yml"
    try (try String(contentsOfFile: codebook, encoding: .utf8)).replacingOccurrences(
      of: "  q2_05:\n", with: "  q2_05:\n    waves: {from: 2016}\n"
    ).write(toFile: codebook, atomically: true, encoding: .utf8)
    let export = space.root + "/Fixtures/institutions/maires-2015.csv"
    let text = try String(contentsOfFile: export, encoding: .utf8)
    let header = text.prefix { $0 != "\r\n" }.split(separator: ";", omittingEmptySubsequences: false)
    let column = header.firstIndex(of: "q2_05")!
    // Blank the column rather than drop it: quotes only appear in the last field (the comment).
    let blanked = text.components(separatedBy: "\r\n").enumerated().map { index, line -> String in
      guard index > 0, !line.isEmpty else { return line }
      var fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
      fields[column] = ""
      return fields.joined(separator: ";")
    }.joined(separator: "\r\n")
    try blanked.write(toFile: export, atomically: true, encoding: .utf8)
    let run = try space.run("--quiet")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    let measure = "partenariats-tres-important-maires"
    func cells(_ wave: String) throws -> [[String: String]] {
      CSVText.records(try space.text("territoires/\(wave)/matrix.csv")).filter {
        $0["measure"] == measure && $0["domain"] == "logement"
      }
    }
    let notAsked = try cells("2015")
    #expect(notAsked.count == 14)
    #expect(notAsked.allSatisfy { $0["flags"] == "not-asked" && $0["estimate"] == "" }, "\(notAsked)")
    let asked = try cells("2016")
    #expect(asked.count == 14 && asked.allSatisfy { $0["flags"] != "not-asked" && $0["estimate"] != "" })
    // The other domains of the measure are estimated in 2015.
    let others = CSVText.records(try space.text("territoires/2015/matrix.csv")).filter {
      $0["measure"] == measure && $0["domain"] != "logement"
    }
    #expect(others.count == 14 * 15 && others.allSatisfy { $0["estimate"] != "" })
    let feed = try JSONValue.load(space.out + "/territoires/2015/feed.json")
    #expect(try JSONSchemaValidator.matrixFeed().errors(feed) == [])
    guard case .array(let feedCells)? = feed["cells"] else {
      Issue.record("the matrix feed has cells")
      return
    }
    let flagged = feedCells.filter { $0["measure"] == .string(measure) && $0["domain"] == .string("logement") }
    #expect(flagged.count == 14 && flagged.allSatisfy { $0["flags"] == .array([.string("not-asked")]) })
  }

  /// Every export of 2017 moved away: the published 2017 folders (four surveys and the matrix) are
  /// kept, with one warning each on every run, until the exports come back (then silence).
  @Test func waveFoldersWhoseExportsAreGoneAreKeptWithAWarning() throws {
    let space = try Workspace(waves: ["2016", "2017"])
    defer { space.remove() }
    #expect(try space.run("--quiet").status == 0)
    let aside = space.root + "/aside"
    try FileManager.default.createDirectory(atPath: aside, withIntermediateDirectories: true)
    for (survey, export) in Self.exports {
      try FileManager.default.moveItem(
        atPath: space.root + "/Fixtures/\(export)-2017.csv", toPath: aside + "/\(survey).csv")
    }
    for _ in 0..<2 {
      let run = try space.run("--quiet")
      #expect(run.status == 0)
      let warnings = run.stderr.split(separator: "\n").filter { $0.contains(" warning ") }
      #expect(warnings.count == 5, "\(run.stderr)")
      for survey in Self.exports.keys.sorted() {
        #expect(
          warnings.contains {
            $0.contains("no export gives this wave any more") && $0.contains("survey=\(survey) wave=2017")
          }, "\(survey)")
        #expect(FileManager.default.fileExists(atPath: space.out + "/\(survey)/2017/indicators.csv"))
      }
      #expect(warnings.contains { $0.contains("matrix wave kept") && $0.contains("matrix=territoires wave=2017") })
    }
    for (survey, export) in Self.exports {
      try FileManager.default.moveItem(
        atPath: aside + "/\(survey).csv", toPath: space.root + "/Fixtures/\(export)-2017.csv")
    }
    let back = try space.run("--quiet")
    #expect(back.status == 0 && back.stderr.isEmpty, "\(back.stderr)")
  }
}
