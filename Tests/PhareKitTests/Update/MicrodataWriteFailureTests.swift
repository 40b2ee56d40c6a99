import Foundation
import Logging
import Testing

@testable import PhareKit

/// A clean.sav SPSS cannot hold fails its wave in `phare run` as any unwritable output does: the
/// problem names the file and the variable, why is written under `rejected/` (without clean.sav).
@Suite struct MicrodataWriteFailureTests {
  @Test func aWaveWhoseCleanSavCannotBeWrittenFailsWithItsReasonUnderRejected() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let pipeline = try Pipeline.load(
      try SpecFixture.write(into: folder, edits: [SpecFixture.scoreMissingCodesAmidItsAnswers]))
    let registry = try RunRegistry(path: folder.path + "/phare.sqlite")
    var update = PipelineUpdate(
      pipeline: pipeline, folder: folder.path + "/out", registry: registry,
      run: try registry.beginRun(command: "phare run"))
    update.logger = Logger(label: "phare") { _ in SwiftLogNoOpLogHandler() }
    let outcomes = try update.update()
    guard case .failed(let result) = try #require(outcomes.first) else {
      Issue.record("the wave did not fail: \(outcomes)")
      return
    }
    #expect(
      result.problem?.contains(
        "its outputs could not be written: ") == true
        && result.problem?.contains(
          "2016/clean.sav: cannot be written: variable 'score' has 4 missing codes (-1, 3, 7, 99)") == true,
      "\(result.problem ?? "")")
    let rejected = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out/rejected/2016"))
    #expect(rejected.contains("clean.csv") && rejected.contains("manifest.json") && !rejected.contains("clean.sav"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/2016"))
  }
}
