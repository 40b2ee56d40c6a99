import Foundation
import TestSupport
import Testing

/// `phare run` as cron runs it, on a copy of the shipped mayors' pipeline: only new or changed
/// waves are processed; a run killed anywhere leaves each wave's previous complete outputs or its
/// new complete ones, and the next run repairs; one run at a time.
@Suite struct UnattendedRunTests {
  static let repository = PhareProcess.fixtures + "../../.."

  /// A copy of the mayors' pipeline, its codebook, domains, population and the given waves.
  struct Workspace {
    let root: String
    var spec: String { root + "/Pipelines/institutions.yml" }
    var out: String { root + "/out" }
    var survey: String { out + "/institutions" }

    init(waves: [String]) throws {
      root = NSTemporaryDirectory() + "phare-cron-" + UUID().uuidString
      let files = [
        "Pipelines/institutions.yml", "Pipelines/domaines.csv", "Pipelines/codebooks/institutions.yml",
        "Fixtures/populations/communes-2016.csv",
      ]
      for file in files + waves.map({ "Fixtures/institutions/maires-\($0).csv" }) {
        try copy(file)
      }
    }

    func copy(_ file: String) throws {
      try FileManager.default.createDirectory(
        atPath: ((root + "/" + file) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try? FileManager.default.removeItem(atPath: root + "/" + file)
      try FileManager.default.copyItem(atPath: UnattendedRunTests.repository + "/" + file, toPath: root + "/" + file)
    }

    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> PhareProcess {
      try PhareProcess.run(["run", spec, "--out", out] + arguments, environment: environment)
    }

    /// Every output file under `out/` with its modification time (the registry and lock aside).
    func modificationTimes() throws -> [String: Date] { try Self.modificationTimes(out) }

    /// Every output file under `folder` with its modification time (a registry and the lock aside).
    static func modificationTimes(_ folder: String) throws -> [String: Date] {
      var times: [String: Date] = [:]
      for path in FileManager.default.subpaths(atPath: folder) ?? [] where !path.hasPrefix("phare.sqlite") {
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + path)
        if attributes[.type] as? FileAttributeType == .typeRegular, path != ".phare.lock" {
          times[path] = attributes[.modificationDate] as? Date
        }
      }
      return times
    }

    func text(_ path: String) throws -> String {
      try String(contentsOfFile: out + "/" + path, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
  }

  @Test func aNewWaveIsTheOnlyOneProcessedAndTheTrendsFollow() throws {
    let space = try Workspace(waves: ["2015", "2016"])
    defer { space.remove() }
    let first = try space.run("--quiet")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try space.text("institutions/trends.csv").contains(",2015,2016,"))
    let before = try space.modificationTimes()
    try space.copy("Fixtures/institutions/maires-2017.csv")
    let second = try space.run()
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains("  wave 2015: unchanged since the last run, skipped"))
    #expect(second.stdout.contains("  wave 2016: unchanged since the last run, skipped"))
    #expect(second.stdout.contains("  wave 2017: 311 rows read, 304 kept, 7 quarantined"))
    // One log line per stage of the new wave only, with its counts and seconds.
    let log = second.stderr.split(separator: "\n")
    #expect(log.filter { $0.contains(" info clean done ") }.count == 1)
    #expect(
      log.contains { $0.contains(" info clean done ") && $0.contains("rows_read=311") && $0.contains("wave=2017") })
    #expect(log.contains { $0.contains(" info estimate done ") && $0.contains("seconds=") })
    let after = try space.modificationTimes()
    for (path, time) in before where path.hasPrefix("institutions/2015/") || path.hasPrefix("institutions/2016/") {
      #expect(after[path] == time, "\(path) was rewritten")
    }
    #expect(after["institutions/2017/indicators.csv"] != nil)
    #expect(try space.text("institutions/trends.csv").contains(",2016,2017,"))
    // The survey's time-series feed now ends with 2017, each value with three points.
    let feed = try JSONValue.load(space.survey + "/feed.json")
    #expect(try JSONSchemaValidator.feed().errors(feed) == [])
    #expect(feed["wave"] == .string("2017"))
    guard case .array(let indicators)? = feed["indicators"], case .array(let values)? = indicators.first?["values"],
      case .array(let points)? = values.first?["series"]
    else {
      Issue.record("the feed has indicators with values and series")
      return
    }
    #expect(points.map { $0["wave"] } == [.string("2015"), .string("2016"), .string("2017")])
    #expect(points.last?["change"]?["from_wave"] == .string("2016"))
    let history = try PhareProcess.run("history", space.spec, "--registry", space.out + "/phare.sqlite")
    #expect(history.status == 0)
    #expect(history.stdout.contains("2017"))
  }

  @Test func anUnchangedRerunRecomputesNothingAndASpecChangeReprocessesEverything() throws {
    let space = try Workspace(waves: ["2015", "2016"])
    defer { space.remove() }
    #expect(try space.run("--quiet").status == 0)
    let before = try space.modificationTimes()
    let again = try space.run()
    #expect(again.status == 0)
    #expect(!again.stderr.contains(" clean done "))
    // A quiet unchanged night prints nothing at all.
    let night = try space.run("--quiet")
    #expect(night.status == 0 && night.stdout == "" && night.stderr == "")
    #expect(try space.modificationTimes() == before)
    // A comment in the spec changes its SHA-256: every wave is reprocessed, to the same indicators.
    let indicators = try space.text("institutions/2016/indicators.csv")
    try (try String(contentsOfFile: space.spec, encoding: .utf8) + "# edited\n").write(
      toFile: space.spec, atomically: true, encoding: .utf8)
    let edited = try space.run()
    #expect(edited.status == 0)
    #expect(edited.stderr.split(separator: "\n").filter { $0.contains(" info clean done ") }.count == 2)
    #expect(edited.stderr.split(separator: "\n").filter { $0.hasSuffix(" why=spec changed") }.count == 2)
    #expect(try space.text("institutions/2016/indicators.csv") == indicators)
    // --force reprocesses unchanged waves too.
    let forced = try space.run("--force")
    #expect(forced.stderr.split(separator: "\n").filter { $0.contains(" info clean done ") }.count == 2)
  }

  /// The CSV locale shapes the outputs: changing it reprocesses every wave (saying why), so wave
  /// folders and trends never mix locales; the same locale again skips them.
  @Test func aLocaleChangeReprocessesEveryWave() throws {
    let space = try Workspace(waves: ["2015", "2016"])
    defer { space.remove() }
    #expect(try space.run("--quiet").status == 0)
    let french = try space.run("--csv-locale", "fr")
    #expect(french.status == 0, "\(french.stderr)")
    let log = french.stderr.split(separator: "\n")
    #expect(log.filter { $0.contains(" info clean done ") }.count == 2)
    #expect(log.filter { $0.hasSuffix("why=csv locale changed") }.count == 2)
    for path in ["institutions/2015/indicators.csv", "institutions/2016/indicators.csv", "institutions/trends.csv"] {
      let header = try #require(try space.text(path).split(separator: "\n").first)
      #expect(header.split(separator: ";").count >= 5, "\(path) is not in the French locale: \(header)")
    }
    let again = try space.run("--csv-locale", "fr")
    #expect(!again.stderr.contains(" clean done "))
    #expect(again.stdout.contains("  wave 2016: unchanged since the last run, skipped"))
  }

  /// An upgrade, simulated by the test-only `PHARE_VERSION_OVERRIDE`: every wave is reprocessed,
  /// saying why, and the trends rebuilt; then skipped again under the new version.
  @Test func anUpgradeReprocessesEveryWaveSayingWhy() throws {
    let space = try Workspace(waves: ["2015", "2016"])
    defer { space.remove() }
    #expect(try space.run("--quiet").status == 0)
    let trends = try space.text("institutions/trends.csv")
    let upgrade = ["PHARE_VERSION_OVERRIDE": "99.0.0"]
    let upgraded = try space.run(environment: upgrade)
    #expect(upgraded.status == 0, "\(upgraded.stderr)")
    let log = upgraded.stderr.split(separator: "\n")
    #expect(log.filter { $0.contains(" info clean done ") }.count == 2)
    for wave in ["2015", "2016"] {
      #expect(
        log.contains { $0.hasSuffix(" info processing survey=institutions wave=\(wave) why=phare version changed") })
      let manifest = try JSONValue.load(space.survey + "/\(wave)/manifest.json")
      #expect(manifest["phareVersion"] == .string("99.0.0"))
    }
    #expect(log.filter { $0.contains(" info trends written ") }.count == 1)
    #expect(try space.text("institutions/trends.csv") == trends)
    let feed = try JSONValue.load(space.survey + "/feed.json")
    #expect(feed["phare_version"] == .string("99.0.0"))
    let again = try space.run(environment: upgrade)
    #expect(!again.stderr.contains(" clean done ") && !again.stderr.contains(" trends written "))
    let history = try PhareProcess.run("history", space.spec, "--registry", space.out + "/phare.sqlite")
    #expect(history.stdout.contains("; phare 99.0.0: phare run "))
    // Back to the released version with the French locale: both reasons are given.
    let both = try space.run("--csv-locale", "fr")
    #expect(
      both.stderr.split(separator: "\n").filter { $0.hasSuffix(" why=phare version changed, csv locale changed") }
        .count == 2)
  }

  @Test func aFailedWaveKeepsItsPreviousOutputsUntilItsExportIsFixed() throws {
    let space = try Workspace(waves: ["2015", "2016"])
    defer { space.remove() }
    #expect(try space.run("--quiet").status == 0)
    let good = try space.text("institutions/2016/indicators.csv")
    let export = space.root + "/Fixtures/institutions/maires-2016.csv"
    let original = try Data(contentsOf: URL(fileURLWithPath: export))
    // 30 respondents from a region the codebook does not know: 7 + 30 of 341 rows quarantined, above 5%.
    let extra = (0..<30).map { index in
      let answers = ["1", "0", "0"] + Array(repeating: "1", count: 16) + ["1", "1", "4", "99", ""]
      return (["X\(index)", "", "", "", "", "99", "1", "1", "500"] + answers).joined(separator: ";") + "\r\n"
    }.joined()
    try (original + Data(extra.utf8)).write(to: URL(fileURLWithPath: export))
    let failed = try space.run("--quiet")
    #expect(failed.status == 2)
    // Under cron: nothing on standard output, the problem once on standard error.
    #expect(failed.stdout == "")
    let problem = "wave 2016: 10.9% of rows quarantined, above the threshold of 5.0%"
    #expect(failed.stderr.hasPrefix("error: \(export): \(problem)"))
    #expect(failed.stderr.components(separatedBy: problem).count == 2, "\(failed.stderr)")
    let told = try space.run()
    #expect(told.status == 2)
    #expect(told.stdout.contains("    FAILED, previous outputs kept: \(problem)"))
    #expect(told.stdout.contains("    headlines of wave 2016 from its last good run (kept while this one failed):\n"))
    #expect(try space.text("institutions/2016/indicators.csv") == good)
    // The index tells a dashboard and cron the same: failed, why, and the previous outputs still listed.
    let index = try JSONValue.load(space.out + "/index.json")
    #expect(try JSONSchemaValidator.index().errors(index) == [])
    let wave = try #require(Self.indexedWave("2016", in: index))
    #expect(wave["status"] == .string("failed"))
    #expect(
      wave["problem"].map { if case .string(let text) = $0 { text.hasPrefix(problem + " (") } else { false } } == true)
    #expect(wave["rejected"] == .string("institutions/rejected/2016/manifest.json"))
    #expect(wave["indicators"] == .string("institutions/2016/indicators.csv"))
    #expect(wave["feed"]?["path"] == .string("institutions/2016/feed.json"))
    let rejected = try space.text("institutions/rejected/2016/quarantine.csv")
    #expect(rejected.components(separatedBy: ",clean.unknown-code,").count - 1 >= 30)
    // Not skipped while it fails: every run tries again.
    #expect(try space.run("--quiet").status == 2)
    try original.write(to: URL(fileURLWithPath: export))
    let fixed = try space.run()
    #expect(fixed.status == 0, "\(fixed.stderr)")
    #expect(fixed.stdout.contains("  wave 2016: unchanged since the last run, skipped"))
    #expect(!FileManager.default.fileExists(atPath: space.survey + "/rejected/2016"))
    let mended = Self.indexedWave("2016", in: try JSONValue.load(space.out + "/index.json"))
    #expect(mended?["status"] == .string("ok") && mended?["problem"] == .null && mended?["rejected"] == .null)
  }

  /// The index's entry of the survey's wave `id`.
  private static func indexedWave(_ id: String, in index: JSONValue) -> JSONValue? {
    guard case .array(let waves)? = index["surveys"]?[0]?["waves"] else { return nil }
    return waves.first { $0["wave"] == .string(id) }
  }

  @Test func logsAreJSONLinesOnRequest() throws {
    let space = try Workspace(waves: ["2016"])
    defer { space.remove() }
    let run = try space.run("--log-format", "json")
    #expect(run.status == 0)
    let lines = run.stderr.split(separator: "\n").map(String.init)
    #expect(!lines.isEmpty)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["level"] is String && object?["message"] is String && object?["time"] is String, "\(line)")
      if object?["message"] as? String == "clean done" {
        #expect(object?["rows_kept"] as? Int == 304 && object?["seconds"] is Double, "\(line)")
      }
      if object?["message"] as? String == "trends written" {
        // One wave: no change between waves yet.
        #expect(object?["waves"] as? Int == 1 && object?["changes"] as? Int == 0, "\(line)")
      }
    }
    #expect(lines.contains { $0.contains("\"message\":\"trends written\"") })
    #expect(lines.contains { $0.contains("\"message\":\"clean done\"") && $0.contains("\"rows_read\":311,") })
  }

  /// Every exit code a cron job may see is in `phare --help`.
  @Test func helpListsEveryExitCode() throws {
    let help = try PhareProcess.run("--help")
    let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for code in ["0 success", "; 1 an input", "; 2 some waves failed", "; 3 another `phare run` holds", "; 64 wrong"] {
      #expect(text.contains(code), "\(code)")
    }
  }
}
