import Foundation
import Testing

@testable import PhareKit

/// `clean.invalid_cells: set-missing` over the 40-mayor dirty wave (Tests/Fixtures/clean/make-mayors.py):
/// the four rows quarantined by `quarantine-row` for one bad cell are kept with that cell missing.
@Suite struct InvalidCellsTests {
  private func pipeline(_ invalidCells: InvalidCells, threshold: Double? = nil) throws -> Pipeline {
    let loaded = try Pipeline.load(Fixtures.clean("institutions.yml"))
    var spec = loaded.spec
    spec.clean.invalidCells = invalidCells
    if let threshold { spec.clean.quarantineThreshold = threshold }
    return Pipeline(spec: spec, codebook: loaded.codebook, domains: loaded.domains, waves: loaded.waves)
  }

  private func run(_ invalidCells: InvalidCells, threshold: Double? = nil) throws -> WaveResult {
    let pipeline = try pipeline(invalidCells, threshold: threshold)
    return try #require(try PipelineRunner(pipeline: pipeline).run(through: .clean).first)
  }

  private func value(_ wave: CleanWave, _ name: String, line: Int32) throws -> Double? {
    let row = try #require(wave.sourceLines.firstIndex(of: line), "no clean row from line \(line)")
    return try #require(wave.table[name]).number(at: row)
  }

  @Test func badCellsAreSetMissingAndTheirRowsKept() throws {
    let result = try run(.setMissing)
    #expect(result.problem == nil)
    let wave = try #require(result.cleaned)
    #expect(wave.rowsRead == 40)
    #expect(wave.rowsClean == 36)
    #expect(wave.rowsQuarantined == 4)
    #expect(wave.isBalanced)
    #expect(wave.quarantined.map(\.line) == [14, 17, 22, 27])
    let cells = wave.cellsSetMissing.map {
      [String($0.line), $0.respondentID ?? "", $0.variable ?? "", $0.rule, $0.message, $0.value ?? "", $0.wave ?? ""]
    }
    #expect(
      cells == [
        [
          "5", "M1003", "q4", "clean.unknown-code", "q4: 7 is not one of its codes (1, 2, 3, 4; missing 9)", "7",
          "2016",
        ],
        ["10", "M1008", "q2_03", "clean.out-of-range", "q2_03: 6 is outside 1-4", "6", "2016"],
        ["32", "M1030", "q3", "clean.unknown-answer", "q3: not a code or label of its answers", "Peut-être", "2016"],
        ["37", "M1035", "taille", "clean.unknown-answer", "taille: not a number", "abc", "2016"],
      ])
    #expect(wave.rowsWithCellsSetMissing == 4)
    #expect(wave.setAsideShare == 0.2)
    // The bad cell is missing; the row's other answers are kept.
    #expect(try value(wave, "q4", line: 5) == nil)
    #expect(try value(wave, "q5", line: 5) == 1)
    #expect(try value(wave, "q2_03", line: 10) == nil)
    #expect(try value(wave, "q2_01", line: 10) == 1)
    #expect(try value(wave, "q3", line: 32) == nil)
    #expect(try value(wave, "q4", line: 32) == 2)
    #expect(try value(wave, "taille", line: 37) == nil)
    #expect(try value(wave, "taille_classe", line: 37) == nil)
    #expect(try value(wave, "q4", line: 37) == 3)
  }

  @Test func quarantineRowStaysTheDefault() throws {
    #expect(try Pipeline.load(Fixtures.clean("institutions.yml")).spec.clean.invalidCells == .quarantineRow)
    let wave = try #require(try run(.quarantineRow).cleaned)
    #expect(wave.rowsClean == 32)
    #expect(wave.rowsQuarantined == 8)
    #expect(wave.cellsSetMissing.isEmpty)
    #expect(wave.quarantined.map(\.line) == [5, 10, 14, 17, 22, 27, 32, 37])
  }

  @Test func quarantineFileListsCellsWithTheirVariableAndTheManifestCountsThem() throws {
    let pipeline = try pipeline(.setMissing)
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .clean).first)
    let lines = QuarantinedRow.csv(result.quarantined).split(separator: "\r\n", omittingEmptySubsequences: true)
      .map { $0.replacingOccurrences(of: pipeline.waves[0].path, with: "FILE") }
    #expect(
      lines == [
        "wave,file,line,respondent_id,rule,message,value,variable",
        "2016,FILE,5,M1003,clean.unknown-code,\"q4: 7 is not one of its codes (1, 2, 3, 4; missing 9)\",7,q4",
        "2016,FILE,10,M1008,clean.out-of-range,q2_03: 6 is outside 1-4,6,q2_03",
        "2016,FILE,14,M1012,clean.required,region is required but blank,,",
        "2016,FILE,17,,ingest.field-count,\"expected 19 fields as in the header, found 18\",,",
        "2016,FILE,22,M1002,clean.duplicate-id,identifier already used by the row on line 4,M1002,",
        "2016,FILE,27,M1025,consistency.q5-filtre,q5 is answered although q4 = 4,,",
        "2016,FILE,32,M1030,clean.unknown-answer,q3: not a code or label of its answers,Peut-être,q3",
        "2016,FILE,37,M1035,clean.unknown-answer,taille: not a number,abc,taille",
      ])
    let manifest = try RunManifest(pipeline: pipeline, results: [result])
    let wave = try #require(manifest.waves.first)
    #expect(wave.rowsRead == 40)
    #expect(wave.rowsClean == 36)
    #expect(wave.rowsQuarantined == 4)
    #expect(wave.balanced == true)
    #expect(wave.cellsSetMissing == 4)
    #expect(
      wave.quarantinedByRule == [
        "clean.required": 1, "ingest.field-count": 1, "clean.duplicate-id": 1, "consistency.q5-filtre": 1,
      ])
  }

  /// Rows with a cell set missing count against the threshold as the rows `quarantine-row` would quarantine.
  @Test func theThresholdSeesRowsWithCellsSetMissing() throws {
    let failed = try run(.setMissing, threshold: 0.15)
    #expect(
      failed.problem
        == "wave 2016: 20.0% of rows quarantined or with cells set missing (4 quarantined, 4 with 4 cells set missing), "
        + "above the threshold of 15.0% (clean.duplicate-id 1, clean.required 1, consistency.q5-filtre 1, "
        + "ingest.field-count 1)")
    #expect(try run(.quarantineRow, threshold: 0.15).failed)
    #expect(try run(.setMissing, threshold: 0.2).problem == nil)
  }
}
