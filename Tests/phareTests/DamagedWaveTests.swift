import Foundation
import TestSupport
import Testing

/// `phare run` checks each wave folder's files as it checks the derived outputs: against the sizes
/// its `manifest.json` records, without reading them. A file gone, emptied or cut, or a manifest
/// that does not parse or lists no files, has the wave reprocessed (saying why), so the next run
/// repairs it; an intact wave is skipped.
@Suite struct DamagedWaveTests {
  @Test func aDamagedWaveFolderIsRepairedAndAnIntactOneSkipped() throws {
    let space = try UnattendedRunTests.Workspace(waves: ["2016", "2017"])
    defer { space.remove() }
    #expect(try space.run("--quiet").status == 0)
    let indicators = try space.text("institutions/2016/indicators.csv")
    let clean = try space.text("institutions/2016/clean.csv")
    let feedSize = try space.text("institutions/2016/feed.json").utf8.count
    // One file gone and one emptied.
    try FileManager.default.removeItem(atPath: space.survey + "/2016/indicators.csv")
    try Data().write(to: URL(fileURLWithPath: space.survey + "/2016/feed.json"))
    let intact = try space.modificationTimes().filter { $0.key.hasPrefix("institutions/2017/") }
    let missing = try space.run()
    #expect(missing.status == 0, "\(missing.stderr)")
    #expect(missing.processing == ["survey=institutions wave=2016 why=outputs missing"])
    #expect(try space.text("institutions/2016/indicators.csv") == indicators)
    #expect(try space.text("institutions/2016/feed.json").utf8.count == feedSize)
    #expect(try JSONValue.load(space.survey + "/2016/feed.json")["wave"] == .string("2016"))
    let after = try space.modificationTimes()
    for (path, time) in intact { #expect(after[path] == time, "\(path) was rewritten") }
    // A file cut short, of another size than recorded.
    let cut = String(clean.prefix(clean.utf8.count / 2))
    try cut.write(toFile: space.survey + "/2016/clean.csv", atomically: true, encoding: .utf8)
    let damaged = try space.run()
    #expect(damaged.processing == ["survey=institutions wave=2016 why=outputs damaged"])
    #expect(try space.text("institutions/2016/clean.csv") == clean)
    // A manifest that does not parse, and one that lists no files.
    try "{ not json".write(toFile: space.survey + "/2017/manifest.json", atomically: true, encoding: .utf8)
    let path = space.survey + "/2016/manifest.json"
    var manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    #expect(manifest.removeValue(forKey: "files") != nil)
    try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: path))
    let unreadable = try space.run()
    #expect(unreadable.status == 0, "\(unreadable.stderr)")
    #expect(
      unreadable.processing == [
        "survey=institutions wave=2016 why=outputs damaged", "survey=institutions wave=2017 why=outputs damaged",
      ])
    #expect(try JSONValue.load(space.survey + "/2017/manifest.json")["files"]?["indicators.csv"] != nil)
    // Repaired: the next night processes and writes nothing.
    let before = try space.modificationTimes()
    let night = try space.run("--quiet")
    #expect(night.status == 0 && night.stdout == "" && night.stderr == "")
    #expect(try space.modificationTimes() == before)
  }
}
