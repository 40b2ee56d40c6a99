import Foundation
import Logging
import Testing

@testable import PhareKit

/// Whatever goes wrong while one wave is processed fails that wave only: it is recorded as failed,
/// why is written under `rejected/` when possible, and the other waves are processed.
@Suite struct PipelineUpdateFailureTests {
  /// The shipped mayors' pipeline (waves 2015, 2016, 2017) updating into a fresh folder.
  private struct Workspace {
    let folder: TemporaryFolder
    let registry: RunRegistry
    var update: PipelineUpdate
    var out: String { folder.path + "/institutions" }

    init(pipeline: Pipeline? = nil) throws {
      folder = try TemporaryFolder()
      registry = try RunRegistry(path: folder.path + "/phare.sqlite")
      let pipeline = try pipeline ?? Pipeline.load(Fixtures.pipelines("institutions.yml"))
      update = PipelineUpdate(
        pipeline: pipeline, folder: folder.path + "/institutions", registry: registry,
        run: try registry.beginRun(command: "phare run"))
      update.logger = Logger(label: "phare") { _ in SwiftLogNoOpLogHandler() }
    }

    /// The registry's records of the run, by wave.
    func records() throws -> [String: WaveRecord] {
      let runs = try registry.history(survey: update.pipeline.spec.survey)
      return Dictionary(uniqueKeysWithValues: (runs.first?.waves ?? []).map { ($0.wave, $0) })
    }

    /// Puts a plain file where a folder of outputs goes, so that it cannot be written.
    func block(_ path: String) throws {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      try "not a folder".write(toFile: out + "/" + path, atomically: true, encoding: .utf8)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: out + "/" + path) }
  }

  /// Each outcome as `wave: processed`, `wave: failed: problem` or `wave: unchanged`.
  private static func summary(_ outcomes: [WaveOutcome]) -> [String] {
    outcomes.map {
      switch $0 {
      case .unchanged(let file): "\(file.wave): unchanged"
      case .processed(let result): "\(result.file.wave): processed"
      case .failed(let result): "\(result.file.wave): failed: \(result.problem ?? "")"
      }
    }
  }

  @Test func aWaveWhoseOutputsCannotBeWrittenFailsAloneAndIsRecorded() throws {
    let space = try Workspace()
    defer { space.folder.remove() }
    try space.block("2016")
    let outcomes = try space.update.update()
    let problem = "wave 2016: its outputs could not be written: \(space.out)/2016: cannot be written: Not a directory"
    #expect(Self.summary(outcomes) == ["2015: processed", "2016: failed: \(problem)", "2017: processed"])
    let records = try space.records()
    #expect(records["2016"]?.status == .failed)
    #expect(records["2016"]?.problem == problem)
    #expect(records["2016"]?.outputs == space.out + "/rejected/2016")
    #expect(records["2016"]?.weighting == nil)
    #expect(records["2016"]?.rowsRead == 311)
    #expect(records["2015"]?.status == .ok && records["2017"]?.status == .ok)
    #expect(try space.registry.lastProcessed(survey: space.update.pipeline.spec.survey, wave: "2016") == nil)
    #expect(try space.registry.indicators(survey: space.update.pipeline.spec.survey, wave: "2017").count > 0)
    // Why is written beside, without weights or indicators; the good waves and the trends are in place.
    #expect(space.exists("rejected/2016/manifest.json") && space.exists("rejected/2016/clean.csv"))
    #expect(!space.exists("rejected/2016/weights.csv") && !space.exists("rejected/2016/indicators.csv"))
    #expect(space.exists("2015/indicators.csv") && space.exists("2017/indicators.csv"))
    #expect(space.exists("trends.csv") && space.exists("feed.json"))
  }

  @Test func aWaveIsStillRecordedFailedWhenItsRejectedFolderCannotBeWrittenEither() throws {
    let space = try Workspace()
    defer { space.folder.remove() }
    try space.block("2016")
    try space.block("rejected")
    let outcomes = try space.update.update()
    #expect(
      Self.summary(outcomes) == [
        "2015: processed",
        "2016: failed: wave 2016: its outputs could not be written: \(space.out)/2016: cannot be written: "
          + "Not a directory",
        "2017: processed",
      ])
    let records = try space.records()
    #expect(records["2016"]?.status == .failed)
    #expect(records["2016"]?.outputs == nil)
    #expect(records["2017"]?.status == .ok)
  }

  @Test func aPipelineErrorOfTheRunnerFailsEachWaveInsteadOfStoppingTheUpdate() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let populations = try folder.write("population.csv", "variable,category,total\nurbain,x,10\n")
    let shipped = try Pipeline.load(Fixtures.pipelines("institutions.yml"))
    var spec = shipped.spec
    spec.populations = populations
    let pipeline = Pipeline(spec: spec, codebook: shipped.codebook, domains: shipped.domains, waves: shipped.waves)
    let space = try Workspace(pipeline: pipeline)
    defer { space.folder.remove() }
    let outcomes = try space.update.update()
    let lines = Self.summary(outcomes)
    #expect(lines.count == 3)
    for (line, wave) in zip(lines, ["2015", "2016", "2017"]) {
      #expect(line.hasPrefix("\(wave): failed: wave \(wave): \(populations):2: category 'x' "), "\(line)")
      #expect(!line.contains("\n"))
    }
    let records = try space.records()
    #expect(records.values.map(\.status) == [.failed, .failed, .failed])
    #expect(records["2016"]?.inputSHA256 != nil)
    #expect(space.exists("rejected/2016/manifest.json"))
    #expect(!space.exists("2016"))
  }
}
