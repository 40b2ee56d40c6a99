import Foundation
import GRDB
import Testing

@testable import PhareKit

/// The run registry's API: runs begun and finished, waves and indicators recorded in one transaction
/// and read back exactly, a wave's earlier record replaced, interrupted runs repaired.
@Suite struct RunRegistryTests {
  private let folder: TemporaryFolder
  private let registry: RunRegistry

  init() throws {
    folder = try TemporaryFolder()
    registry = try RunRegistry(path: folder.path + "/out/phare.sqlite")
  }

  /// The rows of a table, counted on the registry's file.
  private func count(_ table: String) throws -> Int {
    try DatabaseQueue(path: registry.path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
  }

  @Test func aWaveAndItsIndicatorsReadBackExactly() throws {
    defer { folder.remove() }
    let run = try registry.beginRun(command: "phare run Pipelines --out out")
    let wave = RegistryExamples.wave("2016")
    let indicators = [RegistryExamples.proportion, RegistryExamples.mean, RegistryExamples.total]
    try registry.record(wave: wave, indicators: indicators, in: run)
    #expect(try registry.lastProcessed(survey: RegistryExamples.survey, wave: "2016") == wave)
    let read = try registry.indicators(survey: RegistryExamples.survey, wave: "2016")
    #expect(read.first == RegistryExamples.proportion)
    #expect(RegistryExamples.same(read, indicators))
    #expect(read[1].standardError.isNaN && read[1].lower == -.infinity && read[1].upper == .infinity)
    #expect(read[1].designEffect == nil && read[1].flags == [] && read[2].designEffect?.isNaN == true)
    #expect(read[2].flags == ["low-base", "suppressed"])
    #expect(try registry.indicators(survey: RegistryExamples.survey, wave: "2017") == [])
    #expect(try registry.lastProcessed(survey: "other", wave: "2016") == nil)
  }

  /// A run summary's headlines read only the national indicators of the variables they name.
  @Test func nationalIndicatorsOfNamedVariablesAreReadAlone() throws {
    defer { folder.remove() }
    let run = try registry.beginRun(command: "phare run Pipelines --out out")
    var regional = RegistryExamples.mean
    regional.breakdown = "region"
    regional.breakdownValue = "84"
    var national = RegistryExamples.proportion
    national.breakdown = "national"
    national.breakdownValue = ""
    let indicators = [RegistryExamples.proportion, regional, national, RegistryExamples.mean, RegistryExamples.total]
    try registry.record(wave: RegistryExamples.wave("2016"), indicators: indicators, in: run)
    let read = try registry.nationalIndicators(
      survey: RegistryExamples.survey, wave: "2016", variables: ["q4", "q7"])
    #expect(RegistryExamples.same(read, [national, RegistryExamples.mean]))
    #expect(
      try registry.nationalIndicators(survey: RegistryExamples.survey, wave: "2016", variables: ["q2_01"]) == [])
    #expect(try registry.nationalIndicators(survey: RegistryExamples.survey, wave: "2017", variables: ["q4"]) == [])
  }

  @Test func emptyLevelsReadBackEmpty() throws {
    defer { folder.remove() }
    let waves = try TemporaryFolder()
    defer { waves.remove() }
    let indicators = try #require(try EmptyLevelWave.run(in: waves).1.indicators)
    let run = try registry.beginRun(command: "phare run")
    try registry.record(wave: RegistryExamples.wave("2016"), indicators: indicators, in: run)
    let read = try registry.indicators(survey: RegistryExamples.survey, wave: "2016")
    #expect(RegistryExamples.same(read, indicators))
    let empty = read.filter(\.isEmpty)
    #expect(empty.count == 23)
    for indicator in empty {
      #expect(
        indicator.estimate.isNaN && indicator.standardError.isNaN && indicator.lower.isNaN && indicator.upper.isNaN)
      #expect(indicator.respondents == 0 && indicator.weightedTotal == 0 && indicator.designEffect == nil)
      #expect(indicator.flags == ["low-base", "suppressed", "empty"])
    }
  }

  @Test func aWaveWithoutOptionalValuesReadsBackWithThemNil() throws {
    defer { folder.remove() }
    let run = try registry.beginRun(command: "phare run")
    let wave = WaveRecord(
      pipeline: "p.yml", survey: "s", wave: "w", inputFile: "w.csv", inputSHA256: nil, specSHA256: "cc",
      status: .failed, processedAt: Date(timeIntervalSince1970: 1_767_225_600.5))
    try registry.record(wave: wave, indicators: [], in: run)
    let history = try registry.history(survey: "s")
    #expect(history.map(\.waves) == [[wave]])
    // Records of a spec that no longer exists are found by the path they were recorded under too.
    #expect(try registry.history(survey: "./p.yml") == history)
    #expect(history.first?.waves.first?.weighting == nil && history.first?.waves.first?.seconds == nil)
  }

  @Test func runsAreBegunRunningAndFinishedWithTheirExitCode() throws {
    defer { folder.remove() }
    let start = Date(timeIntervalSince1970: 1_767_225_600)
    let first = try registry.beginRun(command: "phare run Pipelines", at: start)
    let second = try registry.beginRun(command: "phare run Pipelines/institutions.yml", at: start + 3600)
    #expect(first.rawValue == 1 && second.rawValue == 2)
    try registry.finishRun(first, status: .failed, exitCode: 2, at: start + 90.25)
    try registry.record(wave: RegistryExamples.wave("2016"), indicators: [], in: first)
    try registry.record(wave: RegistryExamples.wave("2017"), indicators: [], in: second)
    let history = try registry.history(survey: RegistryExamples.survey)
    #expect(history.map(\.id) == [second, first])
    #expect(history.map(\.status) == [.running, .failed])
    #expect(history.map(\.exitCode) == [nil, 2])
    #expect(history.map(\.endedAt) == [nil, start + 90.25])
    #expect(history.map(\.startedAt) == [start + 3600, start])
    #expect(history.map(\.command) == ["phare run Pipelines/institutions.yml", "phare run Pipelines"])
    #expect(history.allSatisfy { $0.phareVersion == PhareVersion.current })
    #expect(history.map { $0.waves.map(\.wave) } == [["2017"], ["2016"]])
    #expect(throws: RegistryError(file: registry.path, problem: "no run 3")) {
      try registry.finishRun(RunID(rawValue: 3), status: .done, exitCode: 0)
    }
  }

  @Test func recordingAWaveAgainReplacesItsRecordAndDeletesItsIndicators() throws {
    defer { folder.remove() }
    let first = try registry.beginRun(command: "phare run")
    try registry.record(
      wave: RegistryExamples.wave("2016", input: "old"),
      indicators: [RegistryExamples.proportion, RegistryExamples.total], in: first)
    try registry.record(wave: RegistryExamples.wave("2017"), indicators: [RegistryExamples.mean], in: first)
    let second = try registry.beginRun(command: "phare run")
    let again = RegistryExamples.wave("2016", input: "new", second: 60)
    try registry.record(wave: again, indicators: [RegistryExamples.total], in: second)
    #expect(try registry.lastProcessed(survey: RegistryExamples.survey, wave: "2016") == again)
    let indicators = try registry.indicators(survey: RegistryExamples.survey, wave: "2016")
    #expect(RegistryExamples.same(indicators, [RegistryExamples.total]))
    #expect(try count("wave") == 2)
    #expect(try count("indicator") == 2)
    let history = try registry.history(survey: RegistryExamples.survey)
    #expect(history.map { $0.waves.map(\.inputSHA256) } == [["new"], ["aa11"]])
  }

  @Test func aFailureHalfwayThroughARecordLeavesTheRegistryAsItWas() throws {
    defer { folder.remove() }
    let run = try registry.beginRun(command: "phare run")
    let earlier = RegistryExamples.wave("2016", input: "earlier")
    try registry.record(wave: earlier, indicators: [RegistryExamples.proportion], in: run)
    var negative = RegistryExamples.total
    negative.respondents = -1
    #expect(throws: RegistryError(file: registry.path, problem: "CHECK constraint failed: n >= 0")) {
      try registry.record(
        wave: RegistryExamples.wave("2016", input: "later", second: 60),
        indicators: [RegistryExamples.mean, RegistryExamples.proportion, negative], in: run)
    }
    #expect(try registry.lastProcessed(survey: RegistryExamples.survey, wave: "2016") == earlier)
    #expect(try registry.indicators(survey: RegistryExamples.survey, wave: "2016") == [RegistryExamples.proportion])
    #expect(try count("wave") == 1)
    #expect(try count("indicator") == 1)
    #expect(throws: RegistryError(file: registry.path, problem: "FOREIGN KEY constraint failed")) {
      try registry.record(wave: RegistryExamples.wave("2017"), indicators: [], in: RunID(rawValue: 9))
    }
    #expect(try count("wave") == 1)
  }

  @Test func lastProcessedIsTheLatestOkRecordAndIgnoresFailedOnes() throws {
    defer { folder.remove() }
    let run = try registry.beginRun(command: "phare run")
    try registry.record(wave: RegistryExamples.wave("2016", status: .failed), indicators: [], in: run)
    #expect(try registry.lastProcessed(survey: RegistryExamples.survey, wave: "2016") == nil)
    let ok = RegistryExamples.wave("2016", input: "first", second: 10)
    try registry.record(wave: ok, indicators: [RegistryExamples.mean], in: run)
    #expect(try registry.lastProcessed(survey: RegistryExamples.survey, wave: "2016") == ok)
    // The same survey's spec by another path (`phare run $PWD/Pipelines`): the same pipeline.
    let later = RegistryExamples.wave("2016", input: "second", second: 20, pipeline: "/srv/phare/./Pipelines/i.yml")
    try registry.record(wave: later, indicators: [RegistryExamples.proportion], in: run)
    var stored = later
    stored.pipeline = "/srv/phare/Pipelines/i.yml"
    #expect(try registry.lastProcessed(survey: RegistryExamples.survey, wave: "2016") == stored)
    #expect(try count("wave") == 2)  // the later ok replaced the first ok; the failed one stays
    // A failed attempt keeps the last good record, which still describes the outputs on disk; its
    // input differs from the export that failed, so the next run tries the wave again.
    try registry.record(wave: RegistryExamples.wave("2016", status: .failed, second: 30), indicators: [], in: run)
    #expect(try registry.lastProcessed(survey: RegistryExamples.survey, wave: "2016") == stored)
    #expect(try registry.indicators(survey: RegistryExamples.survey, wave: "2016") == [RegistryExamples.proportion])
    #expect(try count("wave") == 2)
  }

  /// A wave column's id is learned from the export's hash under the same spec fingerprint, or,
  /// for an export that cannot be read, from its file name.
  @Test func aWaveIDIsFoundByExportHashOrFileName() throws {
    defer { folder.remove() }
    let run = try registry.beginRun(command: "phare run")
    var ok = RegistryExamples.wave("2016", input: "cafe", second: 10)
    ok.inputFile = "/srv/phare/Fixtures/export-a.csv"
    try registry.record(wave: ok, indicators: [], in: run)
    var failed = RegistryExamples.wave("2017", input: "beef", status: .failed, second: 20)
    failed.inputFile = "Fixtures/export-b.csv"
    try registry.record(wave: failed, indicators: [], in: run)
    let survey = RegistryExamples.survey
    #expect(try registry.waveID(survey: survey, inputSHA256: "cafe", specSHA256: "bb22") == "2016")
    // Another spec fingerprint, a failed record or another survey teaches nothing.
    #expect(try registry.waveID(survey: survey, inputSHA256: "cafe", specSHA256: "other") == nil)
    #expect(try registry.waveID(survey: survey, inputSHA256: "beef", specSHA256: "bb22") == nil)
    #expect(try registry.waveID(survey: "citoyens", inputSHA256: "cafe", specSHA256: "bb22") == nil)
    #expect(try registry.waveID(survey: survey, inputName: "export-a.csv") == "2016")
    #expect(try registry.waveID(survey: survey, inputName: "export-b.csv") == "2017")
    #expect(try registry.waveID(survey: survey, inputName: "export-c.csv") == nil)
  }

  @Test func runsLeftRunningAreMarkedInterrupted() throws {
    defer { folder.remove() }
    let start = Date(timeIntervalSince1970: 1_767_225_600)
    let killed = try registry.beginRun(command: "phare run", at: start)
    let finished = try registry.beginRun(command: "phare run", at: start + 60)
    try registry.finishRun(finished, status: .done, exitCode: 0, at: start + 90)
    let alsoKilled = try registry.beginRun(command: "phare run", at: start + 120)
    for run in [killed, finished, alsoKilled] {
      try registry.record(wave: RegistryExamples.wave("w\(run)"), indicators: [], in: run)
    }
    #expect(try registry.repairInterrupted() == 2)
    let history = try registry.history(survey: RegistryExamples.survey)
    #expect(history.map(\.status) == [.interrupted, .done, .interrupted])
    #expect(history.map(\.endedAt).map { $0 == nil } == [true, false, true])
    #expect(try registry.repairInterrupted() == 0)
  }
}
