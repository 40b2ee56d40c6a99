import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// clean.sav read by an independent client, GNU PSPP: the codebook's labels and missing codes,
/// and weighted shares equal to phare's national estimates.
@Suite struct LabelledMicrodataTests {
  /// The shipped mayors pipeline run through every stage and written into `folder`.
  private static func runMayors(into folder: TemporaryFolder) throws -> (Pipeline, CleanWave) {
    let pipeline = try Pipeline.load(Fixtures.pipelines("institutions.yml"))
    var results = try PipelineRunner(pipeline: pipeline).run(through: .estimate)
    #expect(results.allSatisfy { !$0.failed }, "\(results.compactMap(\.problem))")
    try StageOutputs.write(&results, pipeline: pipeline, to: folder.path, labels: false)
    let wave = try #require(results.first { $0.file.wave == "2016" }?.cleaned)
    return (pipeline, wave)
  }

  @Test func psppShowsTheCodebooksVariableLabelsValueLabelsAndUserMissingValues() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (_, wave) = try Self.runMayors(into: folder)
    let output = try PSPP.run(
      """
      SET TVARS=NAMES TNUMBERS=VALUES.
      GET FILE='\(folder.path)/2016/clean.sav'.
      DISPLAY DICTIONARY.

      """, in: folder.path)
    let dictionary = PSPP.dictionary(output)
    let names = ["line"] + wave.variables.map(\.name) + ["final_weight"]
    #expect(Set(dictionary.keys) == Set(names))
    for personal in ["nom", "telephone", "email", "commune"] { #expect(dictionary[personal] == nil) }
    for variable in wave.variables {
      let shown = try #require(dictionary[variable.name])
      #expect(shown.label == variable.label, "\(variable.name)")
      let labels = Dictionary(
        uniqueKeysWithValues: (variable.values + variable.missingCodes).map {
          (Double($0.code), $0.label)
        })
      if variable.kind != .text && variable.kind != .identifier { #expect(shown.values == labels, "\(variable.name)") }
      let missing = shown.missing.split(separator: ";").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
      #expect(Set(missing) == Set(variable.missingCodes.map { Double($0.code) }), "\(variable.name)")
    }
    // From the codebook file itself (Pipelines/codebooks/institutions.yml).
    let q4 = try #require(dictionary["q4"])
    #expect(q4.label == "Votre territoire est-il porteur d'une dynamique de co-construction ?")
    #expect(q4.values[9] == "Ne sait pas" && q4.missing == "9" && q4.measure == "Nominal")
    #expect(q4.values[3] == "Un peu, cela commence à émerger")
    #expect(dictionary["final_weight"]?.label == "Poids final (redressement)")
    #expect(dictionary["taille"]?.measure == "Scale")
  }

  @Test func psppWeightedSharesEqualPharesNationalEstimates() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try Self.runMayors(into: folder)
    let rows = CSVText.rows(try String(contentsOfFile: folder.path + "/2016/indicators.csv", encoding: .utf8))
    let header = try #require(rows.first)
    func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
    let (breakdown, variable, category, statistic, estimate) = (
      try column("breakdown"), try column("variable"), try column("category"), try column("statistic"),
      try column("estimate")
    )
    let national = rows.dropFirst().filter {
      $0.count == header.count && $0[breakdown] == "national" && $0[statistic] == "proportion"
        && !$0[estimate].isEmpty
    }
    #expect(national.count > 60)
    let shares = national.enumerated().map { index, row in
      "/s\(index) = PIN(\(row[variable]), \(row[category]), \(row[category]))"
    }
    let output = try PSPP.run(
      """
      GET FILE='\(folder.path)/2016/clean.sav'.
      WEIGHT BY final_weight.
      COMPUTE national = 1.
      AGGREGATE OUTFILE=* /BREAK=national \(shares.joined(separator: "\n  ")).
      SAVE TRANSLATE /OUTFILE='\(folder.path)/shares.csv' /TYPE=CSV /REPLACE /FIELDNAMES.

      """, in: folder.path)
    #expect(!output.contains("warning"), "\(output)")
    let read = CSVText.rows(try String(contentsOfFile: folder.path + "/shares.csv", encoding: .utf8))
    let values = try #require(read.count >= 2 ? read[1] : nil)
    #expect(values.count == national.count + 1)
    for (index, row) in national.enumerated() {
      let phare = try #require(Double(row[estimate]))
      let pspp = try #require(Double(values[index + 1])) / 100
      #expect(abs(pspp - phare) <= 1e-9 * max(abs(phare), 1e-300), "\(row[variable]) = \(row[category])")
    }
  }

  /// More than three missing codes are declared as SPSS can: one range that holds no valid code,
  /// and one more value outside it (q4's answers are 1 to 4).
  @Test(arguments: [
    ("{6: Refus, 7: Hors champ, 8: Autre, 9: Ne sait pas}", "6 THRU 9"),
    ("{0: Sans réponse, 7: Hors champ, 8: Autre, 9: Ne sait pas}", "7 THRU 9; 0"),
  ])
  func moreThanThreeMissingCodesAreARangeAndOneMore(missing: String, shown: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let edit = SpecFixture.Edit(file: "codebook.yml", old: "missing: {9: Ne sait pas}", new: "missing: " + missing)
    let pipeline = try Pipeline.load(try SpecFixture.write(into: folder, edits: [edit]))
    var results = try PipelineRunner(pipeline: pipeline).run(through: .clean)
    #expect(results.allSatisfy { !$0.failed }, "\(results.compactMap(\.problem))")
    try StageOutputs.write(&results, pipeline: pipeline, to: folder.path + "/out", labels: false)
    let output = try PSPP.run(
      """
      SET TVARS=NAMES TNUMBERS=VALUES.
      GET FILE='\(folder.path)/out/2016/clean.sav'.
      DISPLAY DICTIONARY.

      """, in: folder.path)
    let q4 = try #require(PSPP.dictionary(output)["q4"])
    #expect(q4.missing == shown)
    #expect(q4.values[8] == "Autre" && q4.values[1] == "Oui tout à fait")
  }
}

/// An SPSS file of many rows is written in two halves at once; it must be the file one writer
/// writes, byte for byte, wherever the halves meet.
@Suite struct LabelledMicrodataSplitTests {
  @Test(arguments: ["institutions.yml", "citoyens.yml"])
  func theHalvesJoinedAreTheFileOneWriterWrites(spec: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let pipeline = try Pipeline.load(Fixtures.pipelines(spec))
    let results = try PipelineRunner(pipeline: pipeline).run(through: .weight)
    var compared = 0
    for result in results {
      let wave = try #require(result.cleaned)
      let weighted = try #require(result.weighted)
      var microdata = LabelledMicrodata(wave: wave, appended: [weighted.finalWeightColumn], title: "Essai")
      microdata.splitsFrom = .max
      let whole = folder.path + "/\(wave.wave)-whole.sav"
      _ = try microdata.write(.sav, to: whole)
      microdata.splitsFrom = 2
      let halves = folder.path + "/\(wave.wave)-halves.sav"
      let size = try microdata.write(.sav, to: halves)
      let expected = try Data(contentsOf: URL(fileURLWithPath: whole))
      #expect(try Data(contentsOf: URL(fileURLWithPath: halves)) == expected, "\(spec) \(wave.wave)")
      #expect(size == expected.count)
      compared += 1
    }
    #expect(compared == 3)
  }
}
