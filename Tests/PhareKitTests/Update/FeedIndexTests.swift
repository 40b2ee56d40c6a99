import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// `<out>/index.json` over an output folder laid out as `phare run` leaves it: each wave as its
/// manifest lists it, only files that are there, a failed wave with its previous outputs, the
/// matrix; rewritten only when what it lists changed; valid against `Schemas/index.schema.json`.
@Suite struct FeedIndexTests {
  private static let written = Date(timeIntervalSince1970: 1_750_000_000)
  private static let exportSHA256 = String(repeating: "ab", count: 32)

  /// A wave manifest as `phare run` writes one (the keys the index reads, and those RunManifest requires).
  private static func manifest(_ wave: String, status: String = "ok", problem: String? = nil, files: [String]?)
    -> String
  {
    let listed = files.map { names in "{" + names.map { "\"\($0)\": 1" }.joined(separator: ", ") + "}" } ?? "null"
    return """
      {"phareVersion": "0.2.0", "generatedAt": "2026-01-02T03:04:05Z", "pipeline": "Pipelines/institutions.yml",
       "survey": "institutions", "specFiles": [], "files": \(listed),
       "waves": [{"wave": "\(wave)", "file": "w\(wave).csv", "sha256": "\(exportSHA256)", "status": "\(status)",
                  "problem": \(problem.map { "\"\($0)\"" } ?? "null"), "seconds": {"ingestAndClean": 0}}]}
      """
  }

  /// An output folder: institutions 2016 with every kind of file, 2017 published then failed,
  /// 2018 failed and never published; the time-series feed and trends; the matrix's 2016 wave.
  private static func outputFolder() throws -> TemporaryFolder {
    let out = try TemporaryFolder()
    let full = [
      "feed.json", "indicators.csv", "tables/b.csv", "tables/a.csv", "tables.xlsx", "report.html", "clean.csv",
    ]
    try out.write("institutions/2016/manifest.json", manifest("2016", files: full))
    for file in full { try out.write("institutions/2016/" + file, "2016 \(file)\n") }
    try out.write("institutions/2017/manifest.json", manifest("2017", files: ["feed.json", "tables/a.csv"]))
    try out.write("institutions/2017/feed.json", "{}\n")
    try out.write("institutions/2017/tables/a.csv", "a\n")
    let problem = "export looks truncated or still being written"
    try out.write(
      "institutions/rejected/2017/manifest.json", manifest("2017", status: "failed", problem: problem, files: nil))
    try out.write(
      "institutions/rejected/2018/manifest.json", manifest("2018", status: "failed", problem: problem, files: nil))
    try out.write("institutions/notes/readme.txt", "no manifest: not a wave\n")
    try out.write("institutions/feed.json", "{\"series\": true}\n")
    try out.write("institutions/trends.csv", "actor\n")
    for file in ["matrix.csv", "feed.json", "manifest.json"] { try out.write("territoires/2016/" + file, file + "\n") }
    return out
  }

  private static func pipeline() throws -> Pipeline {
    try Pipeline.load(Fixtures.pipelines("institutions.yml"))
  }

  private static let matrix = MatrixSpec(
    file: "Pipelines/phare-territoires.yml", name: "territoires", title: "Territoires", domains: "d.csv",
    breakdown: "region", measures: [])

  private static func update(_ out: TemporaryFolder, pipelines: [Pipeline], at date: Date = written) throws -> Bool {
    try FeedIndex.update(out: out.path, pipelines: pipelines, matrices: [matrix], generatedAt: date)
  }

  private static func index(_ out: TemporaryFolder) throws -> JSONValue {
    try JSONValue.load(out.path + "/index.json")
  }

  private static func feed(_ path: String, in out: TemporaryFolder) throws -> JSONValue {
    let size = try #require(FileManager.default.attributesOfItem(atPath: out.path + "/" + path)[.size] as? NSNumber)
    return .object([
      "path": .string(path), "bytes": .number(size.doubleValue),
      "sha256": .string(try FileDigest.sha256(of: out.path + "/" + path)),
    ])
  }

  @Test func eachWaveIsListedAsItsManifestSaysWithOnlyTheFilesThatAreThere() throws {
    let out = try Self.outputFolder()
    defer { out.remove() }
    try FileManager.default.removeItem(atPath: out.path + "/institutions/2016/tables/b.csv")
    #expect(try Self.update(out, pipelines: [Self.pipeline()]))
    let index = try Self.index(out)
    #expect(try JSONSchemaValidator.index().errors(index) == [])
    #expect(index["schema_version"] == .string("1.0.0"))
    #expect(index["generated_at"] == .string("2025-06-15T15:06:40Z"))
    #expect(index["phare_version"] == .string(PhareVersion.current))
    guard case .array(let surveys)? = index["surveys"], surveys.count == 1,
      case .array(let waves)? = surveys[0]["waves"]
    else {
      Issue.record("one survey with its waves: \(index)")
      return
    }
    let survey = surveys[0]
    #expect(survey["survey"] == .string("institutions") && survey["pipeline"] == .string("institutions.yml"))
    #expect(survey["actor"] == .string("maires"))
    #expect(survey["feed"] == (try Self.feed("institutions/feed.json", in: out)))
    #expect(survey["trends"] == .string("institutions/trends.csv"))
    #expect(waves.map { $0["wave"] } == [.string("2016"), .string("2017"), .string("2018")])
    #expect(
      waves[0]
        == .object([
          "wave": .string("2016"), "status": .string("ok"), "problem": .null,
          "written_at": .string("2026-01-02T03:04:05Z"), "export_sha256": .string(Self.exportSHA256),
          "manifest": .string("institutions/2016/manifest.json"),
          "feed": try Self.feed("institutions/2016/feed.json", in: out),
          "indicators": .string("institutions/2016/indicators.csv"),
          // b.csv is listed by the manifest but gone.
          "tables": .array([.string("institutions/2016/tables/a.csv")]),
          "workbook": .string("institutions/2016/tables.xlsx"), "report": .string("institutions/2016/report.html"),
          "rejected": .null,
        ]))
    // Failed on its last run: why, and its previous outputs, which its manifest lists.
    #expect(waves[1]["status"] == .string("failed"))
    #expect(waves[1]["problem"] == .string("export looks truncated or still being written"))
    #expect(waves[1]["rejected"] == .string("institutions/rejected/2017/manifest.json"))
    #expect(waves[1]["feed"] == (try Self.feed("institutions/2017/feed.json", in: out)))
    #expect(waves[1]["tables"] == .array([.string("institutions/2017/tables/a.csv")]))
    #expect(waves[1]["indicators"] == .null && waves[1]["workbook"] == .null && waves[1]["report"] == .null)
    // Failed and never published: no output.
    #expect(waves[2]["status"] == .string("failed") && waves[2]["rejected"] != .null)
    for key in ["manifest", "feed", "indicators", "written_at", "export_sha256", "workbook", "report"] {
      #expect(waves[2][key] == .null, "\(key)")
    }
    #expect(
      index["matrices"]
        == .array([
          .object([
            "matrix": .string("territoires"), "title": .string("Territoires"),
            "waves": .array([
              .object([
                "wave": .string("2016"), "feed": try Self.feed("territoires/2016/feed.json", in: out),
                "csv": .string("territoires/2016/matrix.csv"), "manifest": .string("territoires/2016/manifest.json"),
              ])
            ]),
          ])
        ]))
  }

  @Test func anUnchangedFolderLeavesTheIndexAsItIsAndAChangedFeedRewritesIt() throws {
    let out = try Self.outputFolder()
    defer { out.remove() }
    #expect(try Self.update(out, pipelines: [Self.pipeline()]))
    let path = out.path + "/index.json"
    let first = try FileManager.default.attributesOfItem(atPath: path)
    let later = Self.written.addingTimeInterval(3600)
    #expect(try !Self.update(out, pipelines: [Self.pipeline()], at: later))
    let again = try FileManager.default.attributesOfItem(atPath: path)
    #expect(again[.systemFileNumber] as? Int == first[.systemFileNumber] as? Int)
    #expect(again[.modificationDate] as? Date == first[.modificationDate] as? Date)
    // A feed rewritten with the same size (as a rename over it writes one) gets its new digest.
    try out.write("institutions/2017/feed.json", "[]\n")
    #expect(try Self.update(out, pipelines: [Self.pipeline()], at: later))
    let index = try Self.index(out)
    #expect(index["generated_at"] == .string(later.formatted(.iso8601)))
    #expect(index["surveys"]?[0]?["waves"]?[1]?["feed"] == (try Self.feed("institutions/2017/feed.json", in: out)))
    #expect(try JSONSchemaValidator.index().errors(index) == [])
  }

  @Test func aSurveyLeftOutOfARunKeepsItsEntryUntilItsFolderIsRemoved() throws {
    let out = try Self.outputFolder()
    defer { out.remove() }
    try Self.update(out, pipelines: [Self.pipeline()])
    let listed = try Self.index(out)["surveys"]
    // A run of the matrix alone (or with the survey's spec refused) keeps the survey as it was.
    #expect(try !Self.update(out, pipelines: []))
    #expect(try Self.index(out)["surveys"] == listed)
    try FileManager.default.removeItem(atPath: out.path + "/institutions")
    #expect(try Self.update(out, pipelines: []))
    #expect(try Self.index(out)["surveys"] == .array([]))
  }

  @Test func theSchemaAllowsUnknownKeysAndChecksTheMajorVersionOnly() throws {
    let out = try Self.outputFolder()
    defer { out.remove() }
    try Self.update(out, pipelines: [Self.pipeline()])
    let text = try String(contentsOfFile: out.path + "/index.json", encoding: .utf8)
    let schema = try JSONSchemaValidator.index(strict: false)
    let extra = try JSONValue.parse(text.replacingOccurrences(of: "\"csv\" :", with: "\"rows\" : 1, \"csv\" :"))
    #expect(schema.errors(extra) == [])
    #expect(
      try JSONSchemaValidator.index().errors(extra) == [
        "$.matrices[0].waves[0]: key 'rows' is not declared by the schema"
      ])
    let minor = try JSONValue.parse(text.replacingOccurrences(of: "\"1.0.0\"", with: "\"1.3.0\""))
    #expect(schema.errors(minor) == [])
    let major = try JSONValue.parse(text.replacingOccurrences(of: "\"1.0.0\"", with: "\"2.0.0\""))
    #expect(schema.errors(major) == ["$.schema_version: \"2.0.0\" does not match ^1\\.[0-9]+\\.[0-9]+$"])
  }
}
