import Foundation
import Testing

@testable import PhareKit

/// The shipped pipelines on SPSS and Stata waves (`Fixtures/spss/`, written by R haven): the same
/// indicators.csv, byte for byte, as on the CSV export of the same data; bad files fail their wave alone.
@Suite struct StatFileWaveTests {
  private static let date = Date(timeIntervalSince1970: 1_750_000_000)

  /// The shipped spec `name` with its inputs set to `files` in `folder` (absolute), written to a
  /// temporary folder with every other path made absolute.
  static func pipeline(_ name: String, folder: String, files: String) throws -> (TemporaryFolder, Pipeline) {
    let pipelines = Fixtures.repository + "/Pipelines/"
    let text = try String(contentsOfFile: pipelines + name, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      if line.hasPrefix("  folder:") { return "  folder: \(folder)" }
      if line.hasPrefix("  files:") { return "  files: \"\(files)\"" }
      for key in ["codebook", "populations", "domains"] where line.hasPrefix("\(key): ") {
        return "\(key): " + pipelines + line.dropFirst(key.count + 2)
      }
      return String(line)
    }
    let temporary = try TemporaryFolder()
    let spec = try temporary.write(name, lines.joined(separator: "\n"))
    return (temporary, try Pipeline.load(spec))
  }

  /// A folder holding the file at `source` as the mayors' wave 2016 (`maires-2016.` and its extension).
  static func mayorsWave(_ source: String) throws -> (folder: TemporaryFolder, files: String) {
    let waves = try TemporaryFolder()
    let suffix = (source as NSString).pathExtension
    try FileManager.default.copyItem(atPath: source, toPath: waves.path + "/maires-2016." + suffix)
    return (waves, "maires-*." + suffix)
  }

  /// The shipped mayors spec reading the file at `source` as its wave 2016 (`mayorsWave`), with
  /// the spec's folder and the wave's, to remove.
  static func mayorsPipeline(on source: String) throws -> (folders: [TemporaryFolder], pipeline: Pipeline) {
    let (waves, files) = try mayorsWave(source)
    let (temporary, pipeline) = try pipeline("institutions.yml", folder: waves.path, files: files)
    return ([waves, temporary], pipeline)
  }

  /// The wave's indicators.csv as `phare estimate` writes it, with the wave's row accounting.
  static func indicators(_ name: String, folder: String, files: String) throws -> (Data, RowAccounting) {
    let (temporary, pipeline) = try pipeline(name, folder: folder, files: files)
    defer { temporary.remove() }
    var results = try PipelineRunner(pipeline: pipeline).run(through: .estimate)
    let result = try #require(results.first)
    #expect(results.count == 1 && result.problem == nil, "\(result.problem ?? "")")
    let written = try StageOutputs.write(
      &results, pipeline: pipeline, to: temporary.path + "/out", labels: false, csvLocale: .rfc4180,
      generatedAt: date)
    let file = try #require(written.first { $0.hasSuffix("/indicators.csv") })
    return (try Data(contentsOf: URL(fileURLWithPath: file)), try #require(result.accounting))
  }

  @Test(arguments: [
    ("institutions.yml", "institutions", "maires-2016.csv", "maires-2016.sav", 309, 5),
    ("institutions.yml", "institutions", "maires-2016.csv", "maires-2016.zsav", 309, 5),
    ("institutions.yml", "institutions", "maires-2016.csv", "maires-2016.dta", 309, 5),
    ("citoyens.yml", "citoyens", "citoyens-2015.csv", "citoyens-2015.sav", 3009, 9),
    ("citoyens.yml", "citoyens", "citoyens-2015.csv", "citoyens-2015.dta", 3009, 9),
  ])
  func indicatorsAreTheCSVWaves(
    spec: String, csvFolder: String, csv: String, typed: String, read: Int, quarantined: Int
  )
    throws
  {
    let fixtures = Fixtures.repository + "/Fixtures/"
    let (expected, csvRows) = try Self.indicators(spec, folder: fixtures + csvFolder, files: csv)
    let (indicators, rows) = try Self.indicators(spec, folder: fixtures + "spss", files: typed)
    #expect(indicators.count > 10_000)
    #expect(indicators == expected)
    #expect(rows.read == read && rows.quarantined.count == quarantined && rows.kept == csvRows.kept && rows.isBalanced)
  }

  /// A wave whose file is cut short fails with the reader's line; the pipeline's other wave is processed.
  @Test func aTruncatedWaveFailsAloneAndWhole() throws {
    let waves = try TemporaryFolder()
    defer { waves.remove() }
    let spss = Fixtures.repository + "/Fixtures/spss/"
    try FileManager.default.copyItem(atPath: spss + "maires-2016.sav", toPath: waves.path + "/maires-2016.sav")
    try FileManager.default.copyItem(atPath: spss + "truncated.sav", toPath: waves.path + "/maires-2017.sav")
    let (temporary, pipeline) = try Self.pipeline("institutions.yml", folder: waves.path, files: "maires-*.sav")
    defer { temporary.remove() }
    let results = try PipelineRunner(pipeline: pipeline).run(through: .clean)
    #expect(results.map(\.file.wave) == ["2016", "2017"])
    #expect(results[0].problem == nil && results[0].cleaned?.table.rowCount == 304)
    #expect(results[1].cleaned == nil)
    #expect(
      results[1].problem
        == "not a readable SPSS .sav file: File did not contain the expected number of rows (its dictionary "
        + "announces 309 cases, ReadStat read 0: the file is cut short or damaged)")
  }

  /// Value labels that contradict the codebook fail the wave (and `phare validate`) with one line.
  @Test func contradictingLabelsFailTheWave() throws {
    let (folders, pipeline) = try Self.mayorsPipeline(
      on: Fixtures.repository + "/Fixtures/spss/contradicting-labels.sav")
    defer { folders.forEach { $0.remove() } }
    let codebook = pipeline.codebook.file
    let message =
      "the value labels of column 'Région' contradict the codebook's variable 'region' (\(codebook):22): "
      + "11 « Bretagne » where the codebook has « Île-de-France »; 99 « Étranger », a code the codebook lacks; "
      + "correct the codebook or the file"
    let file = try #require(pipeline.waves.first).path
    #expect(pipeline.checkInputs().map(\.description) == ["\(file): \(message)"])
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .clean).first)
    #expect(result.problem == "\(file): \(message)")
  }

  /// Labels that differ from the codebook's only by case say the same: the wave reads as the
  /// original, its « ne sait pas » tag mapped to 9 (`Tests/Fixtures/spss/make-relabelled.R`).
  @Test func labelsDifferingOnlyByCaseAgreeWithTheCodebook() throws {
    let (waves, files) = try Self.mayorsWave(Fixtures.tests + "/Fixtures/spss/case-labels.dta")
    defer { waves.remove() }
    let spss = Fixtures.repository + "/Fixtures/spss"
    let (expected, rows) = try Self.indicators("institutions.yml", folder: spss, files: "maires-2016.dta")
    let (indicators, cased) = try Self.indicators("institutions.yml", folder: waves.path, files: files)
    #expect(indicators == expected)
    #expect(cased.kept == rows.kept && cased.quarantined.map(\.line) == rows.quarantined.map(\.line))
    #expect(cased.quarantined.map(\.rule) == rows.quarantined.map(\.rule))
  }

  /// A Stata missing value labelled as none of the codebook's missing codes fails the wave with one
  /// line, as a labelled code the codebook lacks does, instead of quarantining its cases.
  @Test func aTagLabelledAsNoMissingCodeFailsTheWave() throws {
    let (folders, pipeline) = try Self.mayorsPipeline(on: Fixtures.tests + "/Fixtures/spss/unknown-tag.dta")
    defer { folders.forEach { $0.remove() } }
    let file = try #require(pipeline.waves.first).path
    let message =
      "\(file): the value labels of column 'q3' contradict the codebook's variable 'q3' "
      + "(\(pipeline.codebook.file):\(try #require(pipeline.codebook["q3"]?.line))): .a « Refus », a Stata missing "
      + "value none of the codebook's missing codes is labelled so; correct the codebook or the file"
    #expect(pipeline.checkInputs().map(\.description) == [message])
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .clean).first)
    #expect(result.problem == message && result.failed)
  }

  /// A Stata 12 file whose text is UTF-8 (R haven writes it so; Stata takes it as Windows-1252)
  /// fails with one line naming the fix, and reads as the release-118 file once it is applied.
  @Test func utf8ReadAsWindows1252IsOneLineNamingTheFix() throws {
    let (folders, pipeline) = try Self.mayorsPipeline(on: Fixtures.tests + "/Fixtures/spss/stata12-utf8.dta")
    defer { folders.forEach { $0.remove() } }
    let file = try #require(pipeline.waves.first).path
    #expect(
      pipeline.checkInputs().map(\.description) == [
        "\(file): its text is UTF-8 read as WINDOWS-1252 (« ÃŽle-de-France » is « Île-de-France »): set "
          + "inputs.encoding: utf-8"
      ])
    let spec = folders[1].path + "/institutions.yml"
    let text = try String(contentsOfFile: spec, encoding: .utf8)
    try text.replacingOccurrences(of: "inputs:\n", with: "inputs:\n  encoding: utf-8\n")
      .write(toFile: spec, atomically: true, encoding: .utf8)
    let fixed = try Pipeline.load(spec)
    #expect(fixed.checkInputs().isEmpty)
    let result = try #require(try PipelineRunner(pipeline: fixed).run(through: .clean).first)
    #expect(result.problem == nil && result.accounting?.read == 309)
  }

  /// UTF-8 text read as Windows-1252 is found from the text answers alone, when every accented
  /// text reads as UTF-8 (`Tests/Fixtures/spss/make-text-utf8.R`); Windows-1252 text, as PSPP
  /// writes it (`windows-1252.sav`), is not taken for it.
  @Test func utf8TextReadAsWindows1252IsFoundWithoutLabels() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let codebook = try Codebook.load(
      text: "variables:\n  id: {type: identifier}\n  commune: {type: text}\n  region: {type: single, values: {11: "
        + "Île-de-France, 94: Corse}}\n  q1: {type: single, values: {1: Oui, 2: Non}}\n", in: folder)
    let spss = Fixtures.tests + "/Fixtures/spss/"
    let reader = StatFileReader(textColumns: ["id", "commune"])
    let misread = try reader.read(spss + "text-utf8-12.dta", as: .dta)
    #expect(
      PipelineChecks.contradictingLabels(in: misread, codebook: codebook).map(\.message) == [
        "its text is UTF-8 read as WINDOWS-1252 (« Saint-Ã‰tienne » is « Saint-Étienne »): set inputs.encoding: utf-8"
      ])
    let windows1252 = try reader.read(spss + "windows-1252.sav", as: .sav)
    #expect(windows1252.table["commune"]?.text(at: 1) == "Sète")
    #expect(PipelineChecks.contradictingLabels(in: windows1252, codebook: codebook).isEmpty)
  }
}
