/// Runs the stages over every wave of a pipeline; a failing wave does not stop the others.
public struct PipelineRunner: Sendable {
  public let pipeline: Pipeline

  public init(pipeline: Pipeline) {
    self.pipeline = pipeline
  }

  /// Runs ingest and clean, then weighting when `stage` asks for it; throws only when the
  /// pipeline itself cannot weight (no `weight:` section, unreadable population file).
  public func run(through stage: PipelineStage) throws -> [WaveResult] {
    let weighting = try stage == .clean ? nil : weightStage()
    let estimation = try stage == .estimate ? estimateStage(population: weighting?.population) : nil
    let reader = CSVReader(separator: pipeline.spec.inputs.separator)
    let clean = CleanStage(pipeline: pipeline)
    return pipeline.waves.map { file in
      var result = WaveResult(file: file)
      do {
        result.sha256 = try FileDigest.sha256(of: file.path)
        let wave = try StageTimings.measure(&result.timings.ingestAndClean) {
          try clean.run(try reader.read(file.path), wave: file)
        }
        result.cleaned = wave
        if let problem = cleanProblem(wave) {
          result.problem = problem
          return result
        }
        guard let weighting else { return result }
        var seconds = 0.0
        defer { result.timings.weight = seconds }
        let weighted = try StageTimings.measure(&seconds) { try weighting.run(wave) }
        result.weighted = weighted
        guard let estimation else { return result }
        var estimateSeconds = 0.0
        defer { result.timings.estimate = estimateSeconds }
        result.indicators = try StageTimings.measure(&estimateSeconds) { try estimation.run(weighted) }
      } catch let error as IngestError {
        result.problem = error.problem
      } catch {
        result.problem = result.cleaned.map { "wave \($0.wave): \(error)" } ?? String(describing: error)
      }
      return result
    }
  }

  private func weightStage() throws -> WeightStage {
    guard let spec = pipeline.spec.weight else {
      throw SpecProblems([
        SpecDiagnostic(file: pipeline.spec.file, line: nil, message: "the pipeline has no weight section")
      ])
    }
    guard let populations = pipeline.spec.populations else {
      throw SpecProblems([
        SpecDiagnostic(file: pipeline.spec.file, line: nil, message: "weighting needs a populations file")
      ])
    }
    return WeightStage(spec: spec, population: try PopulationMargins.load(populations))
  }

  private func estimateStage(population: PopulationMargins?) throws -> EstimateStage {
    guard let spec = pipeline.spec.estimate else {
      throw SpecProblems([
        SpecDiagnostic(file: pipeline.spec.file, line: nil, message: "the pipeline has no estimate section")
      ])
    }
    return EstimateStage(
      spec: spec, dontKnow: pipeline.spec.clean.dontKnow, population: population, actor: pipeline.spec.actor,
      domains: pipeline.domains)
  }

  /// The message for a wave whose rows do not add up, or whose quarantined share is above the spec's threshold.
  private func cleanProblem(_ wave: CleanWave) -> String? {
    guard wave.isBalanced else {
      return "wave \(wave.wave): rows do not add up: \(wave.rowsRead) read, \(wave.rowsClean) clean, "
        + "\(wave.rowsQuarantined) quarantined"
    }
    let threshold = pipeline.spec.clean.quarantineThreshold
    guard wave.quarantinedShare > threshold else { return nil }
    let rules = wave.ruleCounts.map { "\($0.rule) \($0.count)" }.joined(separator: ", ")
    return "wave \(wave.wave): \(Format.percent(wave.quarantinedShare)) of rows quarantined, above the threshold of "
      + "\(Format.percent(threshold)) (\(rules))"
  }
}
