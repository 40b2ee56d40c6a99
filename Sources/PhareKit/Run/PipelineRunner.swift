/// Runs the stages over every wave of a pipeline; a failing wave does not stop the others.
public struct PipelineRunner: Sendable {
  public let pipeline: Pipeline
  /// Called after each stage of each wave with what it produced so far: run logs, fault injection.
  public var afterStage: @Sendable (PipelineStage, WaveResult) -> Void = { _, _ in }

  public init(pipeline: Pipeline) {
    self.pipeline = pipeline
  }

  /// Runs ingest and clean, then weighting and estimation as far as `stage` asks, over `waves`
  /// (all of the pipeline's by default); throws only when the pipeline itself cannot weight or
  /// estimate (neither `weight:` nor `design:`, unreadable population file).
  public func run(through stage: PipelineStage, waves: [WaveFile]? = nil) throws -> [WaveResult] {
    let weighting = try stage == .clean ? nil : weightStage()
    let estimation = try stage == .estimate ? estimateStage() : nil
    let reader = pipeline.exportReader
    let clean = CleanStage(pipeline: pipeline)
    let results = (waves ?? pipeline.waves).map { file in
      var result = WaveResult(file: file)
      var digest: BackgroundValue<Result<(sha256: String, after: ExportSnapshot), any Error>>?
      var before: ExportSnapshot?
      stages: do {
        let snapshot = try ExportSnapshot.take(file.path)
        before = snapshot
        let path = file.path
        var truncation: String?
        var windows1252Lines: [Int] = []
        // A wave that fails in the clean stage is hashed there (its hash tells a rerun whether the
        // export changed); the others once cleaned, below.
        var failedCleanSHA256: String?
        defer { result.sha256 = result.sha256 ?? failedCleanSHA256 }
        let wave = try StageTimings.measure(&result.timings.ingestAndClean) {
          // A file that cannot be hashed fails the wave with that error, whatever else failed.
          let ingest: IngestResult
          do {
            ingest = try reader.read(file.path)
          } catch {
            _ = try FileDigest.sha256(of: path)
            throw error
          }
          truncation = snapshot.truncation(after: try ExportSnapshot.take(file.path), ingest)
          windows1252Lines = ingest.windows1252Lines
          do {
            return try clean.run(consume ingest, wave: file)
          } catch {
            failedCleanSHA256 = try FileDigest.sha256(of: path)
            throw error
          }
        }
        // The export is hashed on another core while the wave is weighted and estimated, which
        // leave it idle.
        digest = BackgroundValue {
          Result { (sha256: try FileDigest.sha256(of: path), after: try ExportSnapshot.take(path)) }
        }
        result.cleaned = wave
        result.windows1252Lines = windows1252Lines
        // `Pipeline.load` checked the waves named by their files; a wave column names them only now.
        let unasked = PipelineChecks.checkAsked(spec: pipeline.spec, codebook: pipeline.codebook, waves: [wave.wave])
        guard unasked.isEmpty else { throw SpecProblems(unasked) }
        result.problem =
          truncation.map { "wave \(wave.wave): \($0); it is retried on the next run" }
          ?? rowProblem(wave.accounting, wave: wave)
        afterStage(.clean, result)
        guard let weighting, !result.failed else { break stages }
        var seconds = 0.0
        result.weighted = try StageTimings.measure(&seconds) { try weighting.run(wave) }
        result.timings.weight = seconds
        if let accounting = result.accounting { result.problem = rowProblem(accounting, wave: wave) }
        afterStage(.weight, result)
        guard let estimation, let weighted = result.weighted, !result.failed else { break stages }
        seconds = 0
        let estimates = try StageTimings.measure(&seconds) { try estimation.run(weighted) }
        result.indicators = estimates.indicators
        result.comparisons = estimates.comparisons
        result.timings.estimate = seconds
        afterStage(.estimate, result)
      } catch let error as IngestError {
        result.problem = error.problem
      } catch {
        result.problem = result.cleaned.map { "wave \($0.wave): \(error)" } ?? String(describing: error)
      }
      if let digest, let before { Self.record(digest.value, readAfter: before, in: &result) }
      return result
    }
    return Self.failingSharedWaveIDs(results, source: pipeline.spec.inputs.wave)
  }

  /// Records the export's hash, taken after it was read; an export that changed meanwhile (size,
  /// times, or another file renamed over it) fails the wave as one that changed during the read
  /// does, and one that cannot be hashed fails it with that error.
  static func record(
    _ digest: Result<(sha256: String, after: ExportSnapshot), any Error>, readAfter before: ExportSnapshot,
    in result: inout WaveResult
  ) {
    let wave = result.cleaned?.wave ?? result.file.wave
    switch digest {
    case .success(let hashed):
      result.sha256 = hashed.sha256
      if hashed.after != before && !result.failed {
        result.problem =
          "wave \(wave): export looks truncated or still being written: it changed (its size, its times or the "
          + "file itself) while it was read; it is retried on the next run"
      }
    case .failure(let error):
      result.problem = "wave \(wave): \(error)"
    }
  }

  /// Fails every wave whose id several exports' wave column gives, naming them: none can be told
  /// to be the right one, and their outputs would go to one folder.
  private static func failingSharedWaveIDs(_ results: [WaveResult], source: WaveSource) -> [WaveResult] {
    guard case .column(let column) = source else { return results }
    var exports: [String: [String]] = [:]
    for result in results {
      if let wave = result.cleaned?.wave { exports[wave, default: []].append(result.file.path) }
    }
    return results.map { result in
      guard let wave = result.cleaned?.wave, let shared = exports[wave], shared.count > 1 else { return result }
      var failed = result
      let clash = WaveIdentities.clash(wave, exports: shared, column: column)
      failed.problem = result.problem.map { "\($0); \(clash)" } ?? clash
      return failed
    }
  }

  private func weightStage() throws -> WeightStage {
    let spec = pipeline.spec
    guard spec.weight != nil || spec.design != nil else {
      throw SpecProblems([
        SpecDiagnostic(file: spec.file, line: nil, message: "the pipeline has neither a weight nor a design section")
      ])
    }
    if spec.weight != nil && spec.populations == nil {
      throw SpecProblems([SpecDiagnostic(file: spec.file, line: nil, message: "weighting needs a populations file")])
    }
    return WeightStage(
      spec: spec.weight, design: spec.design, population: try spec.populations.map(PopulationMargins.load))
  }

  private func estimateStage() throws -> EstimateStage {
    guard let spec = pipeline.spec.estimate else {
      throw SpecProblems([
        SpecDiagnostic(file: pipeline.spec.file, line: nil, message: "the pipeline has no estimate section")
      ])
    }
    return EstimateStage(
      spec: spec, dontKnow: pipeline.spec.clean.dontKnow, actor: pipeline.spec.actor,
      domains: pipeline.domains)
  }

  /// The message for a wave whose rows do not add up, or whose share of rows set aside (by the
  /// stages that ran so far) is above the spec's threshold.
  private func rowProblem(_ rows: RowAccounting, wave: CleanWave) -> String? {
    guard rows.isBalanced else {
      return "wave \(wave.wave): rows do not add up: \(rows.read) read, \(rows.kept) clean, "
        + "\(rows.quarantined.count) quarantined"
    }
    let threshold = pipeline.spec.clean.quarantineThreshold
    guard rows.setAsideShare > threshold else { return nil }
    let rules = rows.ruleCounts.map { "\($0.rule) \($0.count)" }.joined(separator: ", ")
    guard rows.rowsWithCellsSetMissing == 0 else {
      return "wave \(wave.wave): \(Format.percent(rows.setAsideShare)) of rows quarantined or with cells set missing "
        + "(\(rows.quarantined.count) quarantined, \(rows.rowsWithCellsSetMissing) with \(wave.cellsSetMissing.count) "
        + "cells set missing), above the threshold of \(Format.percent(threshold))"
        + (rules.isEmpty ? "" : " (\(rules))")
    }
    return "wave \(wave.wave): \(Format.percent(rows.quarantinedShare)) of rows quarantined, above the threshold of "
      + "\(Format.percent(threshold)) (\(rules))"
  }
}
