import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// `outputs.microdata`: which of clean.csv, clean.sav and clean.dta a wave folder gets, what its
/// manifest lists, and the final weight as clean.csv's last column.
@Suite struct StageOutputsMicrodataTests {
  /// Runs the spec fixture with `outputs` added (none when nil) through `stage`; returns the wave folder's files.
  private static func run(
    outputs: String?, through stage: PipelineStage = .estimate, in folder: TemporaryFolder
  ) throws -> (files: Set<String>, manifest: RunManifest) {
    let edits = outputs.map { [SpecFixture.Edit(file: "essai.yml", old: "headlines:", new: "\($0)\nheadlines:")] } ?? []
    let pipeline = try Pipeline.load(try SpecFixture.write(into: folder, edits: edits))
    var results = try PipelineRunner(pipeline: pipeline).run(through: stage)
    #expect(results.allSatisfy { !$0.failed }, "\(results.compactMap(\.problem))")
    try StageOutputs.write(&results, pipeline: pipeline, to: folder.path + "/out", labels: false)
    let wave = folder.path + "/out/2016"
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: wave))
    let manifest = try JSONDecoder().decode(
      RunManifest.self, from: try Data(contentsOf: URL(fileURLWithPath: wave + "/manifest.json")))
    return (files, manifest)
  }

  @Test func byDefaultAWaveGetsCleanCSVAndCleanSavListedInItsManifestButNoDta() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (files, manifest) = try Self.run(outputs: nil, in: folder)
    #expect(files.isSuperset(of: ["clean.csv", "clean.sav"]) && !files.contains("clean.dta"))
    let size = try FileManager.default.attributesOfItem(atPath: folder.path + "/out/2016/clean.sav")[.size] as? Int
    #expect(manifest.files?["clean.sav"] == size && size ?? 0 > 0)
    #expect(manifest.files?["clean.dta"] == nil)
  }

  @Test func dtaIsWrittenOnlyWhenAsked() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (files, manifest) = try Self.run(outputs: "outputs: {microdata: [dta]}", in: folder)
    #expect(files.contains("clean.dta") && !files.contains("clean.csv") && !files.contains("clean.sav"))
    let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/2016/clean.dta"))
    #expect(bytes.starts(with: Array("<stata_dta><header><release>118</release>".utf8)))
    #expect(manifest.files?["clean.dta"] == bytes.count)
  }

  /// Text longer than Stata's 2,045-byte `str` is a `strL` in clean.dta, where it was a failed
  /// write, and a long string in clean.sav (read back here through ReadStat; R haven 2.5.1 reads
  /// the same 3,000 bytes from both, checked by hand).
  @Test func textBeyondAStataStrIsAStrL() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let long = String(repeating: "é", count: 1_500)
    var lines = SpecFixture.wave.split(separator: "\n").map(String.init)
    lines[1] += long
    let outputs = SpecFixture.Edit(
      file: "essai.yml", old: "headlines:", new: "outputs: {microdata: [sav, dta]}\nheadlines:")
    let pipeline = try Pipeline.load(
      try SpecFixture.write(into: folder, edits: [outputs], extra: ["waves/w2016.csv": lines.joined(separator: "\n")]))
    var results = try PipelineRunner(pipeline: pipeline).run(through: .clean)
    try StageOutputs.write(&results, pipeline: pipeline, to: folder.path + "/out", labels: false)
    #expect(results.allSatisfy { !$0.failed }, "\(results.compactMap(\.problem))")
    for format in [StatFileFormat.dta, .sav] {
      let table = try StatFileReader().read(folder.path + "/out/2016/clean." + format.rawValue, as: format).table
      let comments = try #require(table["commentaire"])
      #expect(comments.text(at: 0)?.utf8.count == 3_000 && comments.text(at: 0) == long, "\(format)")
      #expect((1..<table.rowCount).allSatisfy { comments.text(at: $0) == nil }, "\(format)")
    }
  }

  @Test func anEmptyListWritesNoMicrodataAndTheManifestListsNone() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (files, manifest) = try Self.run(outputs: "outputs: {microdata: []}", in: folder)
    #expect(files.isDisjoint(with: ["clean.csv", "clean.sav", "clean.dta"]))
    #expect(files.isSuperset(of: ["weights.csv", "indicators.csv", "quarantine.csv", "manifest.json"]))
    let listed = Set(manifest.files?.keys.map { $0 } ?? [])
    #expect(listed.isDisjoint(with: ["clean.csv", "clean.sav", "clean.dta"]) && listed.contains("indicators.csv"))
  }

  @Test func cleanCSVEndsWithTheFinalWeightOfWeightsCSV() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try Self.run(outputs: nil, in: folder)
    let wave = folder.path + "/out/2016/"
    let clean = CSVText.rows(try String(contentsOfFile: wave + "clean.csv", encoding: .utf8))
    let weights = CSVText.rows(try String(contentsOfFile: wave + "weights.csv", encoding: .utf8))
    #expect(clean.first?.last == "final_weight" && weights.first?.last == "final_weight")
    let byLine = Dictionary(uniqueKeysWithValues: weights.dropFirst().map { ($0[0], $0.last!) })
    #expect(clean.count == 37 && byLine.count == 36)
    for row in clean.dropFirst() { #expect(byLine[row[0]] == row.last, "line \(row[0])") }
  }

  @Test func theCleanStageAloneWritesNoWeightColumn() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (files, _) = try Self.run(outputs: nil, through: .clean, in: folder)
    #expect(files.contains("clean.sav"))
    let clean = CSVText.rows(try String(contentsOfFile: folder.path + "/out/2016/clean.csv", encoding: .utf8))
    #expect(clean.first?.first == "line" && clean.first?.contains("final_weight") == false)
  }

  @Test func unknownOrRepeatedFormatsAreSpecErrorsNamingTheLine() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let edit = SpecFixture.Edit(
      file: "essai.yml", old: "headlines:", new: "outputs:\n  microdata: [csv, xlsx, sav, csv]\nheadlines:")
    let spec = try SpecFixture.write(into: folder, edits: [edit])
    let line =
      try #require(
        try String(contentsOfFile: spec, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
          .firstIndex { $0.contains("microdata:") }) + 1
    let error = try #require(throws: SpecProblems.self) { try Pipeline.load(spec) }
    #expect(
      error.diagnostics.map(\.description) == [
        "\(spec):\(line): each item of outputs.microdata should be one of: csv, sav, dta (found 'xlsx')",
        "\(spec):\(line): outputs.microdata names 'csv' twice",
      ])
  }

  @Test func aVariableCannotTakeTheNameOfTheWeightColumn() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let edit = SpecFixture.Edit(
      file: "codebook.yml", old: "poids: {type: numeric", new: "final_weight: {type: numeric")
    let spec = try SpecFixture.write(into: folder, edits: [edit])
    let error = try #require(throws: SpecProblems.self) { try Pipeline.load(spec) }
    #expect(
      error.diagnostics.map(\.description).contains {
        $0.hasSuffix(
          "codebook.yml:11: variable 'final_weight': 'final_weight' is reserved for the column phare adds "
            + "to clean.csv and clean.sav")
      }, "\(error.diagnostics)")
  }

  /// A wave whose clean.sav cannot hold its data fails alone, naming the file and the variable:
  /// its previous folder stays whole, the next wave is written, the manifest says why.
  @Test func aWaveSPSSCannotHoldFailsAloneKeepingItsPreviousFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // Wave 2017 scores only 0 to 2: its missing codes -1, 3, 7 and 99 are the range 3 to 99 and -1.
    let lines = SpecFixture.wave.split(separator: "\n").enumerated().map { index, line in
      guard index > 0 else { return String(line) }
      var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      fields[6] = String(index % 3)
      return fields.joined(separator: ",")
    }
    let pipeline = try Pipeline.load(
      try SpecFixture.write(
        into: folder, edits: [SpecFixture.scoreMissingCodesAmidItsAnswers],
        extra: ["waves/w2017.csv": lines.joined(separator: "\n") + "\n"]))
    try folder.write("out/2016/clean.csv", "previous\n")
    var results = try PipelineRunner(pipeline: pipeline).run(through: .clean)
    #expect(results.map(\.file.wave) == ["2016", "2017"] && results.allSatisfy { !$0.failed })
    let written = try StageOutputs.write(&results, pipeline: pipeline, to: folder.path + "/out", labels: false)
    #expect(
      results[0].problem
        == "wave 2016: its outputs could not be written: 2016/clean.sav: cannot be written: variable 'score' has 4 "
        + "missing codes (-1, 3, 7, 99); SPSS declares at most three user-missing values, or a range and one more, "
        + "and every range over them also covers valid values")
    #expect(!results[1].failed && written.contains(folder.path + "/out/2017/clean.sav"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out/2016") == ["clean.csv"])
    #expect(try String(contentsOfFile: folder.path + "/out/2016/clean.csv", encoding: .utf8) == "previous\n")
    let manifest = try String(contentsOfFile: folder.path + "/out/manifest.json", encoding: .utf8)
    #expect(manifest.contains("variable 'score' has 4 missing codes"))
  }

  /// A name SPSS refuses is found before any wave is read, as ReadStat words it.
  @Test func aNameSPSSRefusesFailsTheSpecNamingTheVariableAndReadStatsReason() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let edit = SpecFixture.Edit(
      file: "codebook.yml", old: "commentaire: {type: text}", new: "2commentaire: {type: text, source: [commentaire]}")
    let problems = try #require(throws: SpecProblems.self) {
      try Pipeline.load(try SpecFixture.write(into: folder, edits: [edit]))
    }
    #expect(
      problems.diagnostics.map(\.message) == [
        "column '2commentaire' cannot be a variable of clean.sav: A provided name begins with an illegal character; "
          + "rename it"
      ])
  }
}
