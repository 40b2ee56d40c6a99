import Foundation
import TestSupport
import Testing

/// Two output folders sharing one `--registry` (say a French-locale copy for a partner): whether a
/// wave's outputs in a folder are current is told by that folder's wave manifests (export, spec,
/// output options, phare version) and the registry's record, so a folder never keeps the outputs
/// of an export the other folder's run recorded since, and their options never make each other's
/// runs reprocess.
@Suite struct SharedRegistryTests {
  /// Removes the last line of the file at `path`, as `sed -i '$d'` does.
  private static func removeLastLine(_ path: String) throws {
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    bytes.removeLast()
    while bytes.last != UInt8(ascii: "\n") { bytes.removeLast() }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  @Test func anExportChangedThroughTheOtherFolderIsReprocessedHereAndLocalesDoNotFight() throws {
    let space = try UnattendedRunTests.Workspace(waves: ["2016", "2017"])
    defer { space.remove() }
    let copy = space.root + "/out2"
    func runCopy(_ arguments: String...) throws -> PhareProcess {
      try PhareProcess.run(["run", space.spec, "--out", copy, "--registry", space.out + "/phare.sqlite"] + arguments)
    }
    #expect(try runCopy("--quiet").status == 0)
    // The 2017 export loses its last respondent; only the first folder's job runs meanwhile.
    let export = space.root + "/Fixtures/institutions/maires-2017.csv"
    try Self.removeLastLine(export)
    #expect(try space.run("--quiet").status == 0)
    /// The export's SHA-256 and rows read, as the manifest of wave 2017 in `folder` records them.
    func recorded(in folder: String) throws -> [JSONValue?] {
      guard case .array(let waves)? = try JSONValue.load(folder + "/institutions/2017/manifest.json")["waves"] else {
        return []
      }
      return waves.flatMap { [$0["sha256"], $0["rowsRead"]] }
    }
    let shortened = try recorded(in: space.out)
    #expect(shortened.last == .number(310))
    // The copy's 2017 outputs are of the old export: reprocessed, its trends rebuilt to match.
    let followed = try runCopy()
    #expect(followed.status == 0, "\(followed.stderr)")
    #expect(followed.processing == ["survey=institutions wave=2017 why=export changed"])
    #expect(followed.stderr.contains(" info trends written "))
    #expect(try recorded(in: copy) == shortened)
    for file in ["2017/indicators.csv", "trends.csv"] {
      let text = try String(contentsOfFile: copy + "/institutions/" + file, encoding: .utf8)
      #expect(try text == space.text("institutions/" + file), "\(file)")
    }
    // The copy turns French: its waves are reprocessed once, then neither folder's job reprocesses.
    let french = try runCopy("--csv-locale", "fr")
    #expect(
      french.processing == [
        "survey=institutions wave=2016 why=csv locale changed", "survey=institutions wave=2017 why=csv locale changed",
      ])
    let outputs = try space.modificationTimes()
    let copies = try UnattendedRunTests.Workspace.modificationTimes(copy)
    for _ in 0..<2 {
      let night = try space.run("--quiet")
      #expect(night.status == 0 && night.stdout == "" && night.stderr == "", "\(night.stderr)")
      let copyNight = try runCopy("--quiet", "--csv-locale", "fr")
      #expect(copyNight.status == 0 && copyNight.stdout == "" && copyNight.stderr == "", "\(copyNight.stderr)")
    }
    #expect(try space.modificationTimes() == outputs)
    #expect(try UnattendedRunTests.Workspace.modificationTimes(copy) == copies)
  }

  /// The shipped pipelines and matrix in two folders: the copy's matrix follows its reprocessed wave.
  @Test func theCopysMatrixFollowsAnExportChangedThroughTheOtherFolder() throws {
    let space = try DerivedOutputsTests.Workspace(waves: ["2017"])
    defer { space.remove() }
    let copy = space.root + "/out2"
    func runCopy() throws -> PhareProcess {
      try PhareProcess.run(["run", space.root + "/Pipelines", "--out", copy, "--registry", space.out + "/phare.sqlite"])
    }
    #expect(try runCopy().status == 0)
    let matrix = try String(contentsOfFile: copy + "/territoires/2017/matrix.csv", encoding: .utf8)
    try Self.removeLastLine(space.root + "/Fixtures/citoyens/citoyens-2017.csv")
    #expect(try space.run("--quiet").status == 0)
    let followed = try runCopy()
    #expect(followed.status == 0, "\(followed.stderr)")
    #expect(followed.processing == ["survey=citoyens wave=2017 why=export changed"])
    for file in ["citoyens/2017/indicators.csv", "citoyens/trends.csv", "territoires/2017/matrix.csv"] {
      let text = try String(contentsOfFile: copy + "/" + file, encoding: .utf8)
      #expect(try text == space.text(file), "\(file)")
    }
    #expect(try String(contentsOfFile: copy + "/territoires/2017/matrix.csv", encoding: .utf8) != matrix)
  }
}
