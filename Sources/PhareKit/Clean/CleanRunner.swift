/// Runs ingest and clean over every wave of a pipeline; a failing wave does not stop the others.
public struct CleanRunner: Sendable {
  public let pipeline: Pipeline

  public init(pipeline: Pipeline) {
    self.pipeline = pipeline
  }

  public func run() -> [WaveResult] {
    let reader = CSVReader(separator: pipeline.spec.inputs.separator)
    let stage = CleanStage(pipeline: pipeline)
    return pipeline.waves.map { file in
      do {
        let wave = try stage.run(try reader.read(file.path), wave: file)
        return WaveResult(file: file, cleaned: wave, problem: thresholdProblem(wave))
      } catch let error as IngestError {
        return WaveResult(file: file, cleaned: nil, problem: error.problem)
      } catch {
        return WaveResult(file: file, cleaned: nil, problem: String(describing: error))
      }
    }
  }

  /// The message for a wave whose rows do not add up, or whose quarantined share is above the spec's threshold.
  private func thresholdProblem(_ wave: CleanWave) -> String? {
    guard wave.isBalanced else {
      return "wave \(wave.wave): rows do not add up: \(wave.rowsRead) read, \(wave.rowsClean) clean, "
        + "\(wave.rowsQuarantined) quarantined"
    }
    let threshold = pipeline.spec.clean.quarantineThreshold
    guard wave.quarantinedShare > threshold else { return nil }
    let rules = wave.ruleCounts.map { "\($0.rule) \($0.count)" }.joined(separator: ", ")
    return "wave \(wave.wave): \(Percent.format(wave.quarantinedShare)) of rows quarantined, above the threshold of "
      + "\(Percent.format(threshold)) (\(rules))"
  }
}
