import Foundation
import Logging

/// Brings one pipeline's outputs up to date with its inputs, as cron reruns need: a wave whose
/// export and spec are unchanged since the registry recorded it (under the survey id), and whose
/// folder here is intact and was written from them with these output options, is skipped; any
/// other wave is processed, its folder `<out>/<wave>/` replaced whole, then recorded in the
/// registry (so a run killed in between only makes the next run redo that wave); a failed wave
/// keeps its previous outputs and writes why under `<out>/rejected/<wave>/`. A wave id is the
/// file name's or the wave column's (`WaveIdentities`); a wave id that several exports give fails,
/// naming them. Then the trends and the time-series feed over all waves. Any error while
/// processing a wave (its stages, its outputs) fails that wave only; a registry that cannot be
/// read or written stops the update (`RegistryError`).
public struct PipelineUpdate: Sendable {
  public let pipeline: Pipeline
  /// The pipeline's output folder, `out/<survey>`.
  public let folder: String
  public let registry: RunRegistry
  public let run: RunID
  public var options = StageOutputs.Options()
  /// Reprocess every wave, changed or not.
  public var force = false
  public var faults = FaultInjection()
  public var logger = Logger(label: "phare")

  public init(pipeline: Pipeline, folder: String, registry: RunRegistry, run: RunID) {
    self.pipeline = pipeline
    self.folder = folder
    self.registry = registry
    self.run = run
  }

  /// Updates every wave, then the trends and the time-series feed (rebuilt only when the waves
  /// they are built from changed); returns each wave's outcome. Throws only what concerns the whole pipeline: its
  /// spec's fingerprint, the registry (`RegistryError`), the trends and feed.
  public func update() throws -> [WaveOutcome] {
    for leftover in AtomicFolder.sweep(folder) + AtomicFolder.sweep(folder + "/rejected") {
      logger.warning("removed the unfinished outputs of an interrupted run", metadata: ["folder": "\(leftover)"])
    }
    // What a wave's recorded indicators depend on: the spec files and phare's version. Not the output
    // options, which shape only this folder's files (another folder sharing the registry may use
    // others): each wave folder's manifest says which it was written with.
    let specSHA256 = FileDigest.sha256(text: try pipeline.specFingerprint() + "\nphare " + PhareVersion.current)
    let specFiles = try RunManifest.specFiles(of: pipeline)
    let identities = try WaveIdentities(pipeline: pipeline, registry: registry, specSHA256: specSHA256)
    // Each wave's outcome, or the export to process: the waves to process run at once (`AtOnce`).
    var steps: [WaveOutcome?] = []
    var toProcess: [WaveFile] = []
    var clashing: Set<String> = []
    for file in identities.files {
      if let problem = identities.clash(file.wave) {
        // One failure per wave id, naming every export that gives it; the previous outputs stay.
        guard clashing.insert(file.wave).inserted else { continue }
        var result = WaveResult(file: file)
        result.sha256 = try? FileDigest.sha256(of: file.path)
        result.problem = problem
        steps.append(try publish(result, specSHA256: specSHA256))
        continue
      }
      let reason = force ? "--force" : try change(file, specSHA256: specSHA256, specFiles: specFiles)
      if let reason {
        logger.info(
          "processing", metadata: ["survey": "\(pipeline.spec.survey)", "wave": "\(file.wave)", "why": "\(reason)"])
      } else {
        logger.info("unchanged, skipped", metadata: ["survey": "\(pipeline.spec.survey)", "wave": "\(file.wave)"])
        // The export that failed was replaced by the one the outputs come from: its failure is past.
        removeRejected(file.wave)
        steps.append(.unchanged(file))
        continue
      }
      steps.append(nil)
      toProcess.append(file)
    }
    let processed = try AtOnce.map(toProcess.count, exportBytes: AtOnce.bytes(of: toProcess.map(\.path))) {
      [self, toProcess] index in try process(toProcess[index], specSHA256: specSHA256)
    }
    var next = processed.makeIterator()
    let outcomes = steps.map { $0 ?? next.next()! }
    // A rejected folder of no current wave id (its export gone, or named after an id the export no
    // longer gives) is out of date.
    let rejected = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/rejected")) ?? []
    for name in rejected where !name.hasPrefix(".") && !identities.waves.contains(name) { removeRejected(name) }
    try writeSeries(waves: identities.waves, specSHA256: specSHA256)
    return outcomes
  }

  /// Why the wave must be processed, or nil when its outputs in this folder are current and the
  /// registry holds their indicators: the wave folder's manifest has this export, the spec files
  /// (`specFiles`), the output options and phare's version, and every file it lists is in place
  /// with its size; the registry's last good record has this export and `specSHA256` (the trends
  /// and matrices are built from it). Of the wave folder only the manifest is read. An export that
  /// cannot be read counts as changed: processing it then fails that wave, saying why.
  private func change(_ file: WaveFile, specSHA256: String, specFiles: [RunManifest.Input]) throws -> String? {
    guard let record = try registry.lastProcessed(survey: pipeline.spec.survey, wave: file.wave) else {
      return "new wave"
    }
    guard let inputSHA256 = try? FileDigest.sha256(of: file.path), record.inputSHA256 == inputSHA256 else {
      return "export changed"
    }
    let folder = waveFolder(file.wave)
    guard let data = FileManager.default.contents(atPath: folder + "/manifest.json") else { return "outputs missing" }
    guard let manifest = try? JSONDecoder().decode(RunManifest.self, from: data) else { return "outputs damaged" }
    // Another output folder sharing the registry may have recorded this export since these outputs were written.
    guard manifest.waves.map(\.sha256) == [inputSHA256] else { return "export changed" }
    let changes = manifest.changes(specFiles: specFiles, options: options)
    guard changes.isEmpty else { return changes.joined(separator: ", ") }
    // Recorded since under another spec or phare (another output folder), or by an older phare.
    guard record.specSHA256 == specSHA256 else { return "registry record outdated" }
    guard let files = manifest.files else { return "outputs damaged" }
    return WrittenFiles.damage(files, in: folder)
  }

  private func waveFolder(_ wave: String) -> String { folder + "/" + wave }

  /// Runs, writes and records one wave. Whatever fails before the registry is reached becomes the
  /// wave's problem; only the registry's own errors are thrown.
  private func process(_ file: WaveFile, specSHA256: String) throws -> WaveOutcome {
    var result: WaveResult
    do {
      result = try stages(file)
    } catch {
      result = WaveResult(file: file).failing(error)
      result.sha256 = try? FileDigest.sha256(of: file.path)
    }
    if let read = result.cleaned?.wave, read != file.wave {
      // The export changed between its identification and its processing (still being written?).
      let problem = SpecDiagnostic(
        file: file.path, line: nil,
        message: "its wave column gives \(read) now, \(file.wave) when first read: the export changed while phare "
          + "read it; it is retried on the next run")
      result = result.failing(SpecProblems([problem]))
    }
    return try publish(result, specSHA256: specSHA256)
  }

  /// Writes a wave's outputs (a failed wave's under `rejected/`) and records it.
  private func publish(_ result: WaveResult, specSHA256: String) throws -> WaveOutcome {
    var result = result
    let file = result.file
    let target = result.failed ? rejectedFolder(file.wave) : waveFolder(file.wave)
    var outputs: String? = target
    do {
      try write(result, into: target)
    } catch {
      outputs = nil
      if !result.failed {
        // The previous good outputs stay in place: the folder is replaced whole or not at all.
        result = result.failing(error, doing: "its outputs could not be written")
        do {
          try write(result, into: rejectedFolder(file.wave))
          outputs = rejectedFolder(file.wave)
        } catch {
          logger.error("why the wave failed could not be written", metadata: Self.metadata(file, error))
        }
      } else {
        logger.error("why the wave failed could not be written", metadata: Self.metadata(file, error))
      }
    }
    faults.reached("installed", wave: file.wave)
    do {
      try registry.record(
        wave: record(of: result, specSHA256: specSHA256, outputs: outputs), indicators: result.indicators ?? [],
        in: run)
    } catch let error as RegistryError {
      throw error
    } catch {
      // The registry works but refused this record (say a figure it cannot store): record the failure.
      result = result.failing(error, doing: "it could not be recorded in the registry")
      try registry.record(wave: record(of: result, specSHA256: specSHA256, outputs: outputs), indicators: [], in: run)
    }
    faults.reached("recorded", wave: file.wave)
    if let problem = result.problem {
      // The problem itself is printed once, as an `error:` line at the end of the run.
      logger.notice(
        "wave failed, previous outputs kept",
        metadata: ["survey": "\(pipeline.spec.survey)", "wave": "\(file.wave)", "problem": "\(problem)"])
      return .failed(result)
    }
    removeRejected(file.wave)
    return .processed(result)
  }

  /// The wave through every stage; throws what concerns the pipeline (no weight or design section, an
  /// unreadable population file), a wave's own problems being in its result.
  private func stages(_ file: WaveFile) throws -> WaveResult {
    var runner = PipelineRunner(pipeline: pipeline)
    let survey = pipeline.spec.survey
    runner.afterStage = { [logger, faults] stage, result in
      logger.info("\(stage.rawValue) done", metadata: Self.metadata(stage, result, survey: survey))
      faults.reached(stage.rawValue, wave: file.wave)
    }
    guard let result = try runner.run(through: .estimate, waves: [file]).first else {
      throw FileReadError(path: file.path, reason: "no result for the wave")
    }
    return result
  }

  /// Replaces `target` with the wave's outputs.
  private func write(_ result: WaveResult, into target: String) throws {
    var options = self.options
    options.afterEachFile = { [faults] name in faults.reached("file:\(name)", wave: result.file.wave) }
    try AtomicFolder.replace(target) { temporary in
      _ = try StageOutputs.writeWave(result, pipeline: pipeline, into: temporary, options: options)
    }
  }

  private func rejectedFolder(_ wave: String) -> String { folder + "/rejected/" + wave }

  /// Removes the wave's `rejected/` folder, now out of date; a failure to do so is only logged.
  private func removeRejected(_ wave: String) {
    let rejected = rejectedFolder(wave)
    guard FileManager.default.fileExists(atPath: rejected) else { return }
    do {
      try FileManager.default.removeItem(atPath: rejected)
    } catch {
      logger.warning(
        "an out-of-date rejected folder could not be removed",
        metadata: ["folder": "\(rejected)", "error": "\(error)"])
    }
  }

  private static func metadata(_ file: WaveFile, _ error: any Error) -> Logger.Metadata {
    ["wave": "\(file.wave)", "file": "\(file.path)", "error": "\(error)"]
  }

  private func record(of result: WaveResult, specSHA256: String, outputs: String?) -> WaveRecord {
    WaveRecord(
      pipeline: pipeline.spec.file, survey: pipeline.spec.survey, wave: result.file.wave,
      inputFile: result.file.path, inputSHA256: result.sha256, specSHA256: specSHA256,
      status: result.failed ? .failed : .ok, problem: result.problem, rowsRead: result.cleaned?.rowsRead,
      rowsClean: result.accounting?.kept, rowsQuarantined: result.accounting?.quarantined.count,
      weighting: result.weighted?.diagnostics, outputs: outputs, processedAt: Date(), seconds: result.timings)
  }

  /// `trends.csv` and the time-series `feed.json` from every good wave of `ids` the registry holds,
  /// rebuilt only when those waves' records (ids, export and spec SHA-256), the spec or the output
  /// options differ from `series-manifest.json`'s, or a file is missing or damaged: an unchanged
  /// rerun reads no indicator and writes nothing. The manifest is removed first and written last,
  /// so a run killed in between has them rebuilt. A wave's indicators of variables the spec says
  /// it does not ask (a record older than the codebook's `waves:`) are left out, so trends compare
  /// only waves that both asked the question.
  private func writeSeries(waves ids: [String], specSHA256: String) throws {
    let survey = pipeline.spec.survey
    var sources = ["spec \(specSHA256)", "options \(options.fingerprint)"]
    var waves: [String] = []
    for wave in ids {
      guard let record = try registry.lastProcessed(survey: survey, wave: wave) else { continue }
      sources.append("wave \(wave) \(record.inputSHA256 ?? "") \(record.specSHA256)")
      waves.append(wave)
    }
    let manifest = folder + "/" + Self.seriesManifest
    if !force, DerivedManifest.isCurrent(manifest, sources: sources, folder: folder) { return }
    if FileManager.default.fileExists(atPath: manifest) { try FileManager.default.removeItem(atPath: manifest) }
    let series = try waves.map { wave in
      let unasked = Set(pipeline.unaskedIndicatorVariables(in: wave))
      let indicators = try registry.indicators(survey: survey, wave: wave)
      return (wave: wave, indicators: indicators.filter { !unasked.contains($0.variable) })
    }
    let level = pipeline.spec.estimate?.level ?? EstimationSpec.defaultLevel
    let trends = Trend.series(series, level: level)
    try AtomicFile.write(Trend.csv(trends, locale: options.csvLocale), to: folder + "/trends.csv")
    faults.reached("trends")
    let feed = Feed(pipeline: pipeline, series: series, generatedAt: options.generatedAt)
    try AtomicFile.write(try feed.json(), to: folder + "/feed.json")
    try DerivedManifest.write(sources: sources, files: ["trends.csv", "feed.json"], in: folder, to: manifest)
    logger.info(
      "trends written",
      metadata: [
        "survey": "\(pipeline.spec.survey)", "waves": .stringConvertible(waves.count),
        "changes": .stringConvertible(trends.count),
      ])
  }

  /// The file beside `trends.csv` and `feed.json` that says what they were built from.
  static let seriesManifest = "series-manifest.json"

  /// One log line's fields for a stage of a wave: its counts and its seconds, as numbers (JSON
  /// logs keep them so), seconds and efficiency rounded to 3 decimals.
  static func metadata(_ stage: PipelineStage, _ result: WaveResult, survey: String) -> Logger.Metadata {
    var fields: Logger.Metadata = ["survey": "\(survey)", "wave": "\(result.file.wave)"]
    func rounded(_ value: Double) -> Logger.MetadataValue { .stringConvertible((value * 1000).rounded() / 1000) }
    switch stage {
    case .clean:
      fields["rows_read"] = .stringConvertible(result.cleaned?.rowsRead ?? 0)
      fields["rows_kept"] = .stringConvertible(result.cleaned?.rowsClean ?? 0)
      fields["rows_quarantined"] = .stringConvertible(result.cleaned?.rowsQuarantined ?? 0)
      fields["cells_set_missing"] = .stringConvertible(result.cleaned?.cellsSetMissing.count ?? 0)
      fields["seconds"] = rounded(result.timings.ingestAndClean)
    case .weight:
      fields["efficiency"] = rounded(result.weighted?.diagnostics.efficiency ?? 0)
      if let count = result.weighted?.diagnostics.nonPositiveWeights {
        fields["non_positive_weights"] = .stringConvertible(count)
      }
      if let trimming = result.weighted?.diagnostics.trimming {
        fields["trimmed_weights"] = .stringConvertible(trimming.atLower + trimming.atUpper)
      }
      if let scale = result.weighted?.diagnostics.boundsRescaling {
        fields["bounds_rescaling"] = rounded(scale)
      }
      fields["seconds"] = rounded(result.timings.weight ?? 0)
    case .estimate:
      fields["indicators"] = .stringConvertible(result.indicators?.count ?? 0)
      fields["seconds"] = rounded(result.timings.estimate ?? 0)
    }
    return fields
  }
}
