import Foundation
import TestSupport
import Testing

/// `phare estimate` on the shipped PHARE-Institutions pipeline.
@Suite struct EstimateCommandTests {
  @Test func indicatorsArePublishedWithSmallBasesSuppressed() throws {
    let out = NSTemporaryDirectory() + "phare-estimate-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try PhareProcess.run(
      "estimate", PhareProcess.fixtures + "../../../Pipelines/institutions.yml", "--out", out)
    #expect(run.status == 0)
    #expect(run.stdout.contains("240 indicators: 210 on a low base, 208 suppressed"))
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
    #expect(national["n"] == "39")
  }
}
