import Foundation
import Testing

@testable import PhareKit

/// An export cut short or still being written fails its wave (previous outputs kept, retried on
/// the next run) instead of being published as a smaller wave.
@Suite struct ExportSnapshotTests {
  /// The fixture's wave with its last line cut after `36,Nom 35,3,2,90` and no final line break.
  private static var truncatedWave: String {
    var lines = SpecFixture.wave.split(separator: "\n").map(String.init)
    lines[lines.count - 1] = "36,Nom 35,3,2,90"
    return lines.joined(separator: "\n")
  }

  private func run(_ spec: String, out: String) throws -> RunBatch.Report {
    try RunBatch(specs: [spec], out: out, registry: out + "/phare.sqlite", command: "test").run(RunBatch.Settings())
  }

  @Test func aCutLastRecordFailsTheWaveAndKeepsTheLastGoodOutputs() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try SpecFixture.write(into: folder)
    let out = folder.path + "/out"
    #expect(try run(spec, out: out).exitCode == 0)
    let indicators = out + "/essai/2016/indicators.csv"
    let published = try String(contentsOfFile: indicators, encoding: .utf8)

    try folder.write("waves/w2016.csv", Self.truncatedWave)
    let report = try run(spec, out: out)
    #expect(report.exitCode == 2)
    #expect(
      report.errors.map { $0.replacingOccurrences(of: folder.path + "/", with: "") } == [
        "waves/w2016.csv: wave 2016: export looks truncated or still being written: its last record (line 37) is "
          + "cut (expected 12 fields as in the header, found 5) and the file has no final line break; it is "
          + "retried on the next run"
      ])
    #expect(try String(contentsOfFile: indicators, encoding: .utf8) == published)

    try folder.write("waves/w2016.csv", SpecFixture.wave)
    #expect(try run(spec, out: out).exitCode == 0)
    #expect(try String(contentsOfFile: indicators, encoding: .utf8) == published)
  }

  @Test func aCompleteLastLineWithoutALineBreakIsNotTruncation() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try SpecFixture.write(into: folder, extra: ["waves/w2016.csv": String(SpecFixture.wave.dropLast())])
    let result = try PipelineRunner(pipeline: try Pipeline.load(spec)).run(through: .clean)[0]
    #expect(result.problem == nil)
    #expect(result.cleaned?.rowsClean == 36)
  }

  /// The export is hashed after it is cleaned, on another core: one that changed in between is
  /// failed as one that changed during the read, and one that cannot be hashed fails with that error.
  @Test func theHashTakenAfterTheReadRecordsTheExportOrFailsTheWave() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("w2016.csv", "a,b\n1,2\n")
    let before = try ExportSnapshot.take(path)
    let sha256 = try FileDigest.sha256(of: path)
    var kept = WaveResult(file: WaveFile(wave: "2016", path: path))
    PipelineRunner.record(.success((sha256, before)), readAfter: before, in: &kept)
    #expect(kept.sha256 == sha256 && kept.problem == nil)

    try folder.write("w2016.csv", "a,b\n1,2\n3,4\n")
    var changed = WaveResult(file: WaveFile(wave: "2016", path: path))
    PipelineRunner.record(.success((sha256, try ExportSnapshot.take(path))), readAfter: before, in: &changed)
    #expect(
      changed.problem
        == "wave 2016: export looks truncated or still being written: it changed (its size, its times or the "
        + "file itself) while it was read; it is retried on the next run")

    var unreadable = WaveResult(file: WaveFile(wave: "2016", path: path))
    unreadable.problem = "wave 2016: 3 rows quarantined"
    let error = FileReadError(path: path, reason: "no such file or no permission")
    PipelineRunner.record(.failure(error), readAfter: before, in: &unreadable)
    #expect(unreadable.problem == "wave 2016: \(error)" && unreadable.sha256 == nil)
  }

  @Test func aFileThatGrowsWhileReadIsStillBeingWritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("w.csv", "a,b\n1,2\n")
    let before = try ExportSnapshot.take(path)
    let ingest = try CSVReader().read(path)
    #expect(before.truncation(after: try ExportSnapshot.take(path), ingest) == nil)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("3,4\n".utf8))
    try handle.close()
    #expect(
      before.truncation(after: try ExportSnapshot.take(path), ingest)
        == "export looks truncated or still being written: it changed (its size, its times or the file itself) "
        + "while it was read")
  }

  /// Another export of the same size with the same modification time (`cp -p`, an archive's
  /// coarse times) renamed over the export, or written into it with its time set back, is seen.
  @Test func aSameSizedExportWithTheSameModificationTimeIsStillAChange() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("w.csv", "a,b\n1,2\n")
    let time = Date(timeIntervalSince1970: 1_790_000_000)
    try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: path)
    let before = try ExportSnapshot.take(path)

    let other = try folder.write("other.csv", "a,b\n1,3\n")
    try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: other)
    #expect(rename(other, path) == 0)
    let renamed = try ExportSnapshot.take(path)
    #expect(renamed.size == before.size && renamed.modified == before.modified)
    #expect(renamed != before)

    // Written in place, its modification time set back: the status-change time moved on (past
    // the kernel's coarse clock tick, a few milliseconds, which may not have turned yet).
    usleep(20_000)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.write(contentsOf: Data("a,b\n1,4\n".utf8))
    try handle.close()
    try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: path)
    let rewritten = try ExportSnapshot.take(path)
    #expect(rewritten.size == renamed.size && rewritten.modified == renamed.modified)
    #expect(rewritten != renamed)
  }
}
