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
      let wave: CleanWave
      do {
        wave = try clean.run(try reader.read(file.path), wave: file)
      } catch let error as IngestError {
        return WaveResult(file: file, cleaned: nil, weighted: nil, problem: error.problem)
      } catch {
        return WaveResult(file: file, cleaned: nil, weighted: nil, problem: String(describing: error))
      }
      if let problem = cleanProblem(wave) {
        return WaveResult(file: file, cleaned: wave, weighted: nil, problem: problem)
      }
      guard let weighting else { return WaveResult(file: file, cleaned: wave, weighted: nil, problem: nil) }
      let weighted: WeightedWave
      do {
        weighted = try weighting.run(wave)
      } catch {
        return WaveResult(file: file, cleaned: wave, weighted: nil, problem: "wave \(wave.wave): \(error)")
      }
      guard let estimation else { return WaveResult(file: file, cleaned: wave, weighted: weighted, problem: nil) }
      do {
        var result = WaveResult(file: file, cleaned: wave, weighted: weighted, problem: nil)
        result.indicators = try estimation.run(weighted)
        return result
      } catch {
        return WaveResult(file: file, cleaned: wave, weighted: weighted, problem: "wave \(wave.wave): \(error)")
      }
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
