import Foundation
import TestSupport
import Testing

/// `phare estimate` on the shipped PHARE-Institutions pipeline.
@Suite struct EstimateCommandTests {
  private static let pipeline = PhareProcess.fixtures + "../../../Pipelines/institutions.yml"

  private static func outputFolder() -> String {
    NSTemporaryDirectory() + "phare-estimate-" + UUID().uuidString
  }

  /// Every file under a folder, by path relative to it.
  private static func files(under folder: String) throws -> [String: Data] {
    let paths = try #require(FileManager.default.subpaths(atPath: folder))
    var files: [String: Data] = [:]
    for path in paths {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
        files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
      }
    }
    return files
  }

  /// Checks a written feed against `Schemas/feed.schema.json`.
  private static func expectValidFeed(_ data: Data?) throws {
    let feed = try JSONValue.parse(String(decoding: try #require(data), as: UTF8.self))
    #expect(try JSONSchemaValidator.feed().errors(feed) == [])
  }

  @Test func indicatorsArePublishedWithSmallBasesSuppressed() throws {
    let out = Self.outputFolder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try PhareProcess.run("estimate", Self.pipeline, "--out", out)
    #expect(run.status == 0)
    #expect(run.stdout.contains("3528 indicators: 3201 on a low base, 1092 suppressed"))
    func rows(_ file: String) throws -> [[String: String]] {
      CSVText.records(try String(contentsOfFile: out + "/2016/" + file, encoding: .utf8))
    }
    let published = try rows("indicators.csv")
    let audit = try rows("indicators-audit.csv")
    let suppressed = published.filter { ($0["flags"] ?? "").contains("suppressed") }
    #expect(!suppressed.isEmpty)
    #expect(suppressed.allSatisfy { $0["estimate"] == "" && $0["ci_lower"] == "" && $0["n"] != "" })
    #expect(audit.filter { ($0["flags"] ?? "").contains("suppressed") }.allSatisfy { $0["estimate"] != "" })
    let national = try #require(published.first { $0["breakdown"] == "national" && $0["variable"] == "q4_net_oui" })
    let estimate = try #require(Double(national["estimate"] ?? ""))
    let lower = try #require(Double(national["ci_lower"] ?? ""))
    let upper = try #require(Double(national["ci_upper"] ?? ""))
    #expect(lower < estimate && estimate < upper)
    #expect(national["n"] == "302")
  }

  @Test func everyOutputIsWrittenAndTheQ4TableRepeatsTheIndicators() throws {
    let out = Self.outputFolder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    #expect(try PhareProcess.run("estimate", Self.pipeline, "--out", out).status == 0)
    let files = try Self.files(under: out)
    let perWave = [
      "clean.csv", "clean.sav", "comparisons.csv", "feed.json", "indicators-audit.csv", "indicators.csv",
      "manifest.json",
      "quarantine.csv", "report.html",
      "tables.xlsx", "tables/q3-alliances-innovation.csv", "tables/q4-dynamique.csv", "weighting.csv", "weights.csv",
    ]
    #expect(
      files.keys.sorted()
        == ["2015", "2016", "2017"].flatMap { wave in perWave.map { wave + "/" + $0 } } + [
          "manifest.json", "quarantine.csv",
        ])
    try Self.expectValidFeed(files["2016/feed.json"])
    let indicators = CSVText.records(String(decoding: try #require(files["2016/indicators.csv"]), as: UTF8.self))
    let table = CSVText.rows(String(decoding: try #require(files["2016/tables/q4-dynamique.csv"]), as: UTF8.self))
    #expect(table[0][0] == "Q4. Votre territoire est-il porteur d'une dynamique de co-construction ?")
    #expect(table[1][2] == "Type de commune" && table[1][6] == "Région")
    #expect(table[2].prefix(6) == ["", "Ensemble", "Rurale", "(A)", "Urbaine", "(B)"])
    let national = indicators.filter { $0["breakdown"] == "national" && $0["variable"] == "q4" }
    #expect(national.count == 4)
    for (row, indicator) in zip(table[3...6], national) {
      #expect(row[0] == indicator["category_label"])
      #expect(row[1] == String(format: "%.1f", 100 * Double(indicator["estimate"]!)!))
    }
    #expect(table[7][0] == "Oui (net) : dynamique ancrée ou de plus en plus nombreuse")
    #expect(table[8].prefix(5) == ["Base (effectifs non pondérés)", "302", "256", "", "46"])
    let weighted = national[0]["weighted_n"].flatMap(Double.init)
    #expect(table[9][0] == "Base (effectifs pondérés)" && table[9][1] == weighted.map { String(format: "%.0f", $0) })
    let urban = try #require(
      indicators.first {
        $0["breakdown"] == "urbain" && $0["breakdown_value"] == "2" && $0["variable"] == "q4" && $0["category"] == "1"
      })
    #expect(table[3][4].hasPrefix(String(format: "%.1f", 100 * Double(urban["estimate"]!)!)))
    // Every region and both commune types have 10 mayors or more: no cell of this table is suppressed.
    #expect(!table.joined().contains("*"))
    #expect(Set(table.map(\.count)) == [32])
  }

  @Test func rerunsWriteTheSameBytesExceptGeneratedAt() throws {
    let first = Self.outputFolder()
    let second = Self.outputFolder()
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    #expect(try PhareProcess.run("estimate", Self.pipeline, "--out", first).status == 0)
    #expect(try PhareProcess.run("estimate", Self.pipeline, "--out", second).status == 0)
    let before = try Self.files(under: first)
    let after = try Self.files(under: second)
    #expect(before.keys.sorted() == after.keys.sorted())
    #expect(before.count == 3 * 14 + 2)
    func withoutGeneratedAt(_ data: Data?) -> [Substring] {
      String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n").filter {
        !$0.hasPrefix("  \"generated_at\" : ")
      }
    }
    /// The manifest without what a rerun changes: its generation time and the stage timings.
    func withoutTimes(_ data: Data?) throws -> NSDictionary {
      let object = try #require(try JSONSerialization.jsonObject(with: data ?? Data()) as? [String: Any])
      #expect(object["generatedAt"] is String)
      let waves = try #require(object["waves"] as? [[String: Any]])
      #expect(waves.allSatisfy { $0["seconds"] is [String: Any] })
      var kept = object
      kept["generatedAt"] = nil
      kept["waves"] = waves.map { $0.filter { $0.key != "seconds" } }
      return kept as NSDictionary
    }
    for (path, data) in before {
      if path.hasSuffix("feed.json") {
        #expect(withoutGeneratedAt(data) == withoutGeneratedAt(after[path]), "\(path) differs")
        #expect(
          withoutGeneratedAt(data).count == String(decoding: data, as: UTF8.self).split(separator: "\n").count - 1)
        try Self.expectValidFeed(data)
        try Self.expectValidFeed(after[path])
      } else if path.hasSuffix("manifest.json") {
        #expect(try withoutTimes(data) == withoutTimes(after[path]), "\(path) differs")
      } else {
        #expect(data == after[path], "\(path) differs")
      }
    }
  }

  @Test func theFrenchLocaleWritesEveryCSVForExcel() throws {
    let out = Self.outputFolder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try PhareProcess.run("estimate", Self.pipeline, "--out", out, "--csv-locale", "fr")
    #expect(run.status == 0)
    let files = try Self.files(under: out)
    let csvs = files.filter { $0.key.hasSuffix(".csv") }
    #expect(csvs.count == 3 * 9 + 1)
    for (path, data) in csvs {
      #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(path) has no byte order mark")
      #expect(String(decoding: data, as: UTF8.self).contains(";"), "\(path) is not ;-separated")
    }
    let indicators = CSVText.records(
      String(decoding: try #require(files["2016/indicators.csv"]), as: UTF8.self), separator: ";")
    let national = try #require(
      indicators.first { $0["breakdown"] == "national" && $0["variable"] == "q2_01" && $0["category"] == "1" })
    #expect(national["estimate"]?.hasPrefix("0,502104071516") == true)
    try Self.expectValidFeed(files["2016/feed.json"])
  }

  @Test func anUnknownCSVLocaleIsAUsageError() throws {
    let run = try PhareProcess.run("estimate", Self.pipeline, "--out", Self.outputFolder(), "--csv-locale", "de")
    #expect(run.status == 64)
    #expect(run.stderr.contains("'de'"))
  }
}
