import Foundation
import Testing

@testable import PhareKit

/// The lines `phare history` prints for a run: its status and times, then each wave and a failed one's problem.
@Suite struct RunRecordTextTests {
  @Test func aFinishedRunListsItsWavesAndTheirProblems() {
    var failed = RegistryExamples.wave("2017", status: .failed, second: 75.5)
    failed.inputSHA256 = nil
    (failed.rowsRead, failed.rowsClean, failed.rowsQuarantined) = (nil, nil, nil)
    let run = RunRecord(
      id: RunID(rawValue: 3), command: "phare run Pipelines --out out", phareVersion: "0.1.0",
      startedAt: Date(timeIntervalSince1970: 1_767_225_540), endedAt: Date(timeIntervalSince1970: 1_767_225_690),
      status: .failed, exitCode: 2,
      waves: [RegistryExamples.wave("2016", input: "3a7bd3e2360a3d29eea436fcfb7e44c735d1", second: 12.25), failed])
    #expect(
      run.lines == [
        "run 3: failed, exit 2; started 2025-12-31T23:59:00Z, ended 2026-01-01T00:01:30Z; phare 0.1.0: "
          + "phare run Pipelines --out out",
        "  wave 2016: ok; 304 read, 296 clean, 8 quarantined; input 3a7bd3e2360a; processed 2026-01-01T00:00:12Z",
        "  wave 2017: failed; input unread; processed 2026-01-01T00:01:15Z",
        "    problem: too many rows",
      ])
  }

  @Test func aRunningRunHasNoEndNorExitCode() {
    let run = RunRecord(
      id: RunID(rawValue: 1), command: "phare run", phareVersion: "0.1.0",
      startedAt: Date(timeIntervalSince1970: 1_767_225_600), endedAt: nil, status: .interrupted, exitCode: nil,
      waves: [])
    #expect(run.lines == ["run 1: interrupted; started 2026-01-01T00:00:00Z; phare 0.1.0: phare run"])
  }
}
