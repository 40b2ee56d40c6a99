import Foundation
import Testing

/// A run killed at any instant — at every stage and after every output file (fault injection), or
/// by a real `kill -9` — leaves each wave's previous complete outputs or its new complete ones,
/// never a mix; the next run repairs the registry and the outputs.
@Suite struct InterruptedRunTests {
  typealias Workspace = UnattendedRunTests.Workspace

  /// The published files of a wave folder of a workspace (everything but times, the workspace's
  /// own folder name blanked), for comparing states.
  static func snapshot(_ space: Workspace, _ wave: String) throws -> [String: String] {
    let folder = space.survey + "/" + wave
    var files: [String: String] = [:]
    for path in FileManager.default.subpaths(atPath: folder) ?? [] where path.hasSuffix(".csv") {
      files[path] = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
        .replacingOccurrences(of: space.root, with: "<workspace>")
    }
    let manifest = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
    // The wave's own SHA-256 comes last (sorted keys: specFiles, then waves).
    files["export sha256"] = manifest.split(separator: "\n").last { $0.contains("\"sha256\" : ") }.map(String.init)
    return files
  }

  /// A workspace whose 2015 and 2016 waves were processed, then whose 2016 export lost its last
  /// respondent; returns it with the 2016 outputs before and after that change, and the trends after.
  static func changedWorkspace() throws -> (Workspace, old: [String: String], new: [String: String], trends: String) {
    let space = try Workspace(waves: ["2015", "2016"])
    #expect(try space.run("--quiet").status == 0)
    let old = try snapshot(space, "2016")
    let export = space.root + "/Fixtures/institutions/maires-2016.csv"
    var lines = try String(contentsOfFile: export, encoding: .utf8).components(separatedBy: "\r\n")
    lines.removeLast(2)
    try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: export, atomically: true, encoding: .utf8)
    let reference = try Workspace(waves: ["2015", "2016"])
    defer { reference.remove() }
    try FileManager.default.removeItem(atPath: reference.root + "/Fixtures/institutions/maires-2016.csv")
    try FileManager.default.copyItem(atPath: export, toPath: reference.root + "/Fixtures/institutions/maires-2016.csv")
    #expect(try reference.run("--quiet").status == 0)
    return (space, old, try snapshot(reference, "2016"), try reference.text("institutions/trends.csv"))
  }

  static let points = [
    "clean@2016", "weight@2016", "estimate@2016", "file:clean.csv@2016", "file:weights.csv@2016",
    "file:indicators.csv@2016", "file:indicators-audit.csv@2016", "file:tables/q4-dynamique.csv@2016",
    "file:feed.json@2016", "file:quarantine.csv@2016", "file:manifest.json@2016", "installed@2016",
    "recorded@2016", "trends",
  ]

  @Test(arguments: points) func aRunKilledAtAnyPointLeavesWholeOutputsAndIsRepaired(_ point: String) throws {
    let (space, old, new, trends) = try Self.changedWorkspace()
    defer { space.remove() }
    #expect(old != new)
    let untouched = try Self.snapshot(space, "2015")
    let killed = try space.run("--quiet", environment: ["PHARE_FAULT": point])
    #expect(killed.status == SIGKILL, "\(point): \(killed.stderr)")
    let state = try Self.snapshot(space, "2016")
    #expect(state == old || state == new, "\(point) left a mix")
    #expect(try Self.snapshot(space, "2015") == untouched)
    let repaired = try space.run()
    #expect(repaired.status == 0, "\(point): \(repaired.stderr)")
    #expect(repaired.stderr.contains("marked interrupted runs runs=1"))
    #expect(try Self.snapshot(space, "2016") == new)
    #expect(try FileManager.default.contentsOfDirectory(atPath: space.survey).filter { $0.hasPrefix(".") } == [])
    #expect(try space.text("institutions/trends.csv") == trends)
  }

  @Test func aConcurrentRunIsRefusedAndAKilledRunsLockIsTakenOver() throws {
    let space = try Workspace(waves: ["2015", "2016"])
    defer { space.remove() }
    let stalled = try PhareProcess.start(
      ["run", space.spec, "--out", space.out, "--quiet"], environment: ["PHARE_STALL": "file:indicators.csv@2016"])
    // Wait until it is inside the 2016 wave's temporary folder, half written.
    let deadline = Date().addingTimeInterval(120)
    func halfWritten() -> Bool {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: space.survey)) ?? []
      return names.contains { $0.hasPrefix(".phare-tmp-2016") }
    }
    while !halfWritten() && Date() < deadline && stalled.isRunning { usleep(50_000) }
    #expect(halfWritten())
    // The waves are processed at once: 2015 is recorded while 2016 is stalled (`history` only reads
    // the registry, so it runs beside the stalled run).
    func recorded2015() throws -> Bool {
      try PhareProcess.run("history", space.spec, "--registry", space.out + "/phare.sqlite").stdout.contains(
        "wave 2015: ok")
    }
    while try !recorded2015() && Date() < deadline && stalled.isRunning { usleep(50_000) }
    #expect(try recorded2015())
    let second = try space.run("--quiet")
    #expect(second.status == 3)
    #expect(second.stderr.contains("is locked by another phare run (pid=\(stalled.processIdentifier) since "))
    kill(stalled.processIdentifier, SIGKILL)
    stalled.waitUntilExit()
    #expect(stalled.terminationReason == .uncaughtSignal)
    let third = try space.run("--quiet")
    #expect(third.status == 0, "\(third.stderr)")
    #expect(
      third.stderr.contains(
        "took over the lock of a dead run lock=\(space.out)/.phare.lock pid=\(stalled.processIdentifier)"))
    #expect(third.stderr.contains("removed the unfinished outputs of an interrupted run folder=.phare-tmp-2016-"))
    #expect(third.stderr.contains("marked interrupted runs runs=1"))
    #expect(FileManager.default.fileExists(atPath: space.survey + "/2016/indicators.csv"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: space.survey).filter { $0.hasPrefix(".") } == [])
    let history = try PhareProcess.run("history", space.spec, "--registry", space.out + "/phare.sqlite")
    #expect(history.stdout.contains("interrupted"))
  }
}
