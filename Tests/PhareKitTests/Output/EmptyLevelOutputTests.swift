import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// Empty levels (`EmptyLevelWave`: region 24 has nobody, region 84 nobody who answered s01) in the
/// cross-tables and the feed: the column is there with blanks and base 0, the value is there with
/// nulls, n 0 and the flags, and the feed stays valid against the committed schema.
@Suite struct EmptyLevelOutputTests {
  @Test func theTableHasTheEmptyRegionsColumnBlankWithBase0() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try EmptyLevelWave.run(in: folder)
    let rows = CSVText.rows(try EmptyLevelWave.output("tables/q-region.csv", in: folder))
    #expect(rows[0] == ["Pauvreté en hausse", "", "", "", "", "", "", ""])
    #expect(rows[1] == ["", "", "Région", "", "", "", "", ""])
    #expect(
      rows[2] == ["", "Ensemble", "Île-de-France", "(A)", "Centre-Val de Loire", "(B)", "Auvergne-Rhône-Alpes", "(C)"])
    // Oui: national (150 + 150 + 133.3 + 133.3) / 1000, Île-de-France 433.3 / 566.7, Auvergne 133.3 / 433.3;
    // the empty column is not tested, the two others differ significantly.
    #expect(rows[3] == ["Oui", "56.7", "76.5", "C", "", "", "30.8", ""])
    #expect(rows[4] == ["Non", "43.3", "23.5", "", "", "", "69.2", "A"])
    #expect(rows[5] == ["Base (effectifs non pondérés)", "7", "4", "", "0", "", "3", ""])
    #expect(rows.last == ["Case vide : aucun répondant à la question dans la colonne.", "", "", "", "", "", "", ""])
  }

  @Test func theFeedHasTheEmptyValuesWithNullsAndIsValid() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try EmptyLevelWave.run(in: folder)
    let json = try JSONValue.parse(try EmptyLevelWave.output("feed.json", in: folder))
    #expect(try JSONSchemaValidator.feed().errors(json) == [])
    guard case .array(let entries)? = json["indicators"] else {
      Issue.record("no indicators in the feed")
      return
    }
    let ids = entries.compactMap { entry -> String? in
      if case .string(let id)? = entry["id"] { id } else { nil }
    }
    #expect(
      ids == [
        "citoyens.s01.mean", "citoyens.q.1.proportion", "citoyens.q.1.total", "citoyens.q.2.proportion",
        "citoyens.q.2.total",
      ])
    for entry in entries {
      guard case .array(let values)? = entry["values"] else {
        Issue.record("no values")
        continue
      }
      #expect(
        values.map { $0["breakdown_value"] } == [
          .null, .string("11"), .string("24"), .string("84"), .string("11*1"), .string("11*2"), .string("24*1"),
          .string("24*2"), .string("84*1"), .string("84*2"), .string("1"), .string("2"), .string("3"),
        ])
      let centre = values[2]
      #expect(centre["breakdown"] == .string("region"))
      #expect(centre["breakdown_label"] == .string("Centre-Val de Loire"))
      #expect(centre["n"] == .number(0) && centre["weighted_n"] == .number(0))
      #expect(centre["flags"] == .array([.string("low-base"), .string("suppressed"), .string("empty")]))
      for key in ["estimate", "se", "ci_lower", "ci_upper", "series"] {
        #expect(centre[key] == .null, "\(key)")
      }
      let auvergneIsEmpty = values[3]["flags"] == centre["flags"]
      #expect(auvergneIsEmpty == (entry["id"] == .string("citoyens.s01.mean")))
    }
  }
}
