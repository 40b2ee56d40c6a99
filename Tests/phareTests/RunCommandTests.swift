import Foundation
import TestSupport
import Testing

/// `phare run` on the shipped PHARE pipelines: every survey and the territorial matrix, end to end.
@Suite struct RunCommandTests {
  private static let pipelines = PhareProcess.fixtures + "../../../Pipelines"

  private static func outputFolder() -> String {
    NSTemporaryDirectory() + "phare-run-" + UUID().uuidString
  }

  @Test func theMainJobRunsEverySurveyAndTheMatrix() throws {
    let out = Self.outputFolder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try PhareProcess.run("run", Self.pipelines, "--out", out)
    #expect(run.status == 0, "\(run.stderr)")
    // Logs only: no warning, no error.
    #expect(run.stderr.split(separator: "\n").allSatisfy { $0.contains(" info ") }, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    for title in [
      "PHARE-Associations", "PHARE-Citoyens", "PHARE-Entreprises", "PHARE-Institutions", "PHARE-Territoires",
    ] {
      #expect(lines.contains { $0.hasPrefix(title) }, "\(title)")
    }
    #expect(
      lines.contains { $0.hasPrefix("  wave 2016: 311 rows read, 304 kept, 7 quarantined; weighting efficiency ") })
    #expect(
      lines.contains(
        "  wave 2015: 1120 of 1120 cells estimated; wrote \(out)/territoires/2015/"
      ))
    // Three headlines per survey, for its latest wave, each with an interval around its estimate.
    let headlines = lines.filter { $0.hasPrefix("    ") && $0.contains("], n = ") }
    #expect(headlines.count == 4 * 3)
    for survey in ["associations", "citoyens", "entreprises", "institutions"] {
      for wave in ["2015", "2016", "2017"] {
        for file in ["indicators.csv", "indicators-audit.csv", "weights.csv", "clean.csv", "feed.json"] {
          #expect(
            FileManager.default.fileExists(atPath: "\(out)/\(survey)/\(wave)/\(file)"), "\(survey) \(wave) \(file)")
        }
        let feed = try JSONValue.load("\(out)/\(survey)/\(wave)/feed.json")
        #expect(try JSONSchemaValidator.feed().errors(feed) == [])
      }
    }
    let matrix = CSVText.records(try String(contentsOfFile: "\(out)/territoires/2016/matrix.csv", encoding: .utf8))
    #expect(matrix.count == 14 * 16 * 5)
    let feed = try JSONValue.load("\(out)/territoires/2016/feed.json")
    #expect(try JSONSchemaValidator.matrixFeed().errors(feed) == [])
    // The matrix repeats the citizens' own indicator: Auvergne-Rhône-Alpes, emploi, mean importance.
    let cell = try #require(
      matrix.first {
        $0["breakdown_value"] == "84" && $0["domain"] == "emploi" && $0["measure"] == "importance-citoyens"
      })
    let citizens = CSVText.records(try String(contentsOfFile: "\(out)/citoyens/2016/indicators.csv", encoding: .utf8))
    let own = try #require(
      citizens.first {
        $0["breakdown"] == "region" && $0["breakdown_value"] == "84" && $0["variable"] == "importance_01"
      })
    #expect(cell["estimate"] == own["estimate"] && cell["ci_lower"] == own["ci_lower"] && cell["n"] == own["n"])
    try Self.checkIndex(out)
    try Self.checkProportions(feed: "\(out)/citoyens/2016/feed.json", csv: "\(out)/citoyens/2016/indicators.csv")
  }

  /// The keys of index.json whose values are paths (relative to it), alone or in an array.
  private static let pathKeys: Set = [
    "path", "trends", "manifest", "indicators", "tables", "workbook", "report", "rejected", "csv",
  ]

  /// Every path of the index, and every feed entry (`path`, `bytes`, `sha256`).
  private static func paths(_ value: JSONValue, key: String? = nil) -> (paths: [String], feeds: [JSONValue]) {
    switch value {
    case .string(let text) where key.map(pathKeys.contains) == true: return ([text], [])
    case .array(let items):
      let found = items.map { paths($0, key: key) }
      return (found.flatMap(\.paths), found.flatMap(\.feeds))
    case .object(let members):
      let found = members.map { paths($0.value, key: $0.key) }
      return (found.flatMap(\.paths), found.flatMap(\.feeds) + (members["sha256"] == nil ? [] : [value]))
    default: return ([], [])
    }
  }

  /// `out/index.json`: valid (strictly), every survey and the matrix, each wave's tables exactly
  /// as its manifest lists them, every path a file there, each feed's size and SHA-256 (by
  /// coreutils' `sha256sum`) its own.
  private static func checkIndex(_ out: String) throws {
    let index = try JSONValue.load(out + "/index.json")
    #expect(try JSONSchemaValidator.index().errors(index) == [])
    guard case .array(let surveys)? = index["surveys"], case .array(let matrices)? = index["matrices"] else {
      Issue.record("surveys and matrices are arrays")
      return
    }
    #expect(
      surveys.map { $0["survey"] } == ["associations", "citoyens", "entreprises", "institutions"].map(JSONValue.string))
    #expect(matrices.map { $0["matrix"] } == [.string("territoires")])
    let (paths, feeds) = Self.paths(index)
    // 4 surveys × 3 waves × (manifest, feed, indicators, tables), their feeds and trends, 3 matrix waves × 3.
    #expect(paths.count >= 4 * 3 * 4 + 4 * 2 + 3 * 3)
    for path in paths {
      #expect(FileManager.default.fileExists(atPath: out + "/" + path), "\(path)")
    }
    #expect(feeds.count == 4 * 3 + 4 + 3)
    for feed in feeds {
      guard case .string(let path)? = feed["path"] else { continue }
      let size = try FileManager.default.attributesOfItem(atPath: out + "/" + path)[.size] as? NSNumber
      #expect(feed["bytes"] == .number(size?.doubleValue ?? -1))
      let digest = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [out + "/" + path])
      #expect(feed["sha256"] == .string(String(digest.stdout.prefix(64))), "\(path)")
    }
    for survey in surveys {
      guard case .string(let name)? = survey["survey"] else { continue }
      #expect(
        survey["trends"] == .string(name + "/trends.csv") && survey["feed"]?["path"] == .string(name + "/feed.json"))
    }
    for (position, wave) in ["2015", "2016", "2017"].enumerated() {
      #expect(
        matrices.first?["waves"]?[position]
          == .object([
            "wave": .string(wave), "csv": .string("territoires/\(wave)/matrix.csv"),
            "manifest": .string("territoires/\(wave)/manifest.json"),
            "feed": feeds.first { $0["path"] == .string("territoires/\(wave)/feed.json") } ?? .null,
          ]))
    }
    for case .array(let waves)? in surveys.map({ $0["waves"] }) {
      #expect(waves.count == 3)
      for wave in waves {
        #expect(wave["status"] == .string("ok") && wave["rejected"] == .null)
        guard case .string(let manifest)? = wave["manifest"],
          case .object(let files)? = try JSONValue.load(out + "/" + manifest)["files"]
        else {
          Issue.record("each wave's manifest lists its files")
          continue
        }
        let folder = String(manifest.dropLast("manifest.json".count))
        let tables = files.keys.filter { $0.hasPrefix("tables/") }.sorted().map { JSONValue.string(folder + $0) }
        #expect(!tables.isEmpty && wave["tables"] == .array(tables))
        #expect(wave["feed"]?["path"] == .string(folder + "feed.json"))
        #expect(wave["workbook"] == (files["tables.xlsx"] == nil ? .null : .string(folder + "tables.xlsx")))
        #expect(wave["report"] == (files["report.html"] == nil ? .null : .string(folder + "report.html")))
      }
    }
  }

  /// Every proportion of a wave's feed is indicators.csv's estimate, SE and bounds (0-1, to
  /// 1e-12), with percent = 100 × estimate; its unit is `proportion`.
  private static func checkProportions(feed path: String, csv: String) throws {
    let rows = CSVText.records(try String(contentsOfFile: csv, encoding: .utf8))
    func level(_ value: String) -> String {
      value.split(separator: "*").map { Int($0).map(String.init) ?? String($0) }.joined(separator: "*")
    }
    var csvRows: [String: [String: String]] = [:]
    for row in rows where row["statistic"] == "proportion" {
      let key = [row["variable"], row["category"], row["breakdown"], level(row["breakdown_value"] ?? "")]
      csvRows[key.map { $0 ?? "" }.joined(separator: "|")] = row
    }
    guard case .array(let indicators)? = try JSONValue.load(path)["indicators"] else {
      Issue.record("the feed has indicators")
      return
    }
    var compared = 0
    for indicator in indicators where indicator["statistic"] == .string("proportion") {
      #expect(indicator["unit"] == .string("proportion"))
      guard case .string(let variable)? = indicator["variable"], case .string(let category)? = indicator["category"],
        case .array(let values)? = indicator["values"]
      else { continue }
      for value in values {
        guard case .string(let breakdown)? = value["breakdown"], case .number(let estimate)? = value["estimate"] else {
          continue
        }
        let code: String
        if case .string(let text)? = value["breakdown_value"] { code = level(text) } else { code = "" }
        let row = try #require(csvRows[[variable, category, breakdown, code].joined(separator: "|")])
        for key in ["estimate", "se", "ci_lower", "ci_upper"] {
          let expected = try #require(Double(row[key] ?? ""))
          guard case .number(let actual)? = value[key] else {
            Issue.record("\(key) is a number")
            continue
          }
          #expect(abs(actual - expected) <= 1e-12 * max(1, abs(expected)), "\(variable) \(breakdown) \(key)")
        }
        #expect((0...1).contains(estimate))
        #expect(value["percent"] == .number(100 * estimate))
        compared += 1
      }
    }
    #expect(compared > 100)
  }

  @Test func aBrokenSpecFailsWithItsLineWhileTheOthersRun() throws {
    let folder = Self.outputFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "survey: x\ninputs: {folder: .}\ncodebook: none.yml\nweigth: {}\n".write(
      toFile: folder + "/broken.yml", atomically: true, encoding: .utf8)
    let run = try PhareProcess.run(
      "run", folder + "/broken.yml", Self.pipelines + "/institutions.yml", "--out", folder + "/out")
    #expect(run.status == 2)
    #expect(run.stderr.contains("broken.yml:4: unknown key 'weigth' in the pipeline; did you mean 'weight'?"))
    #expect(run.stdout.contains("PHARE-Institutions"))
    #expect(FileManager.default.fileExists(atPath: folder + "/out/institutions/2016/indicators.csv"))
  }

  @Test func aMatrixMeasureThatFindsNothingIsRefusedWhileThePipelinesRun() throws {
    let folder = Self.outputFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let pipelines = try #require(URL(fileURLWithPath: Self.pipelines).standardized.path as String?)
    try """
    matrix: essai
    domains: \(pipelines)/domaines.csv
    breakdown: region
    measures:
      - {id: q2, pipeline: \(pipelines)/institutions.yml, variables: "q2_*", category: 1}
      - {id: rien, pipeline: \(pipelines)/institutions.yml, variables: "absent_*"}
    """.write(toFile: folder + "/essai.yml", atomically: true, encoding: .utf8)
    let run = try PhareProcess.run("run", folder + "/essai.yml", "--out", folder + "/out")
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "error: \(folder)/essai.yml:6: measure 'rien': no estimated variable of \(pipelines)/institutions.yml "
          + "matches 'absent_*' with a domain"))
    #expect(run.stdout.contains("PHARE-Institutions"))
    #expect(FileManager.default.fileExists(atPath: folder + "/out/institutions/2016/indicators.csv"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/essai"))
  }
}
