import ArgumentParser
import PhareKit

/// What `phare clean` and `phare weight` share: run the stages, print one summary line per
/// wave, write the outputs, and exit 2 when some waves failed.
enum StageRun {
  static func run(_ options: StageOptions, through stage: PipelineStage) throws {
    let path = options.pipeline
    let pipeline = try PipelineLoader.load(path, through: stage)
    var results: [WaveResult]
    do {
      results = try PipelineRunner(pipeline: pipeline).run(through: stage)
    } catch let problems as SpecProblems {
      PipelineLoader.report(problems, in: path)
      throw ExitCode.failure
    }
    for result in results {
      if let wave = result.cleaned, let rows = result.accounting {
        print(
          "wave \(wave.wave): \(rows.read) read = \(rows.kept) clean + \(rows.quarantined.count) quarantined"
            + (wave.cellsSetMissing.isEmpty ? "" : "; \(wave.cellsSetMissing.count) cells set missing"))
      }
      if let weighted = result.weighted {
        let d = weighted.diagnostics
        print(
          "  weighted \(d.respondents) by \(d.method) in \(d.iterations) iteration(s): weights "
            + "\(Format.fixed(d.minimumWeight, 3)) to \(Format.fixed(d.maximumWeight, 3)), "
            + "Kish deff \(Format.fixed(d.kishDesignEffect, 3)), effective n \(Format.fixed(d.effectiveSampleSize, 1)), "
            + "efficiency \(Format.fixed(100 * d.efficiency, 1))%"
            + (d.nonPositiveWeights.map { "; warning: \($0) weight(s) 0 or negative (linear calibration)" } ?? "")
            + (d.trimming.map { "; trimmed \($0.atLower) weight(s) to the lower bound, \($0.atUpper) to the upper" }
              ?? "")
            + (d.boundsRescaling.map {
              "; bounds apply to starting weights rescaled by \(Format.fixed($0, 2)) as R does (every margin needs "
                + "more than 20 times them)"
            } ?? "")
            + (d.design.map { "; design: \($0.text)" } ?? ""))
      }
      if let indicators = result.indicators {
        let suppressed = indicators.filter(\.isSuppressed).count
        let lowBase = indicators.filter { $0.flags.contains("low-base") }.count
        let empty = indicators.filter(\.isEmpty).count
        print(
          "  \(indicators.count) indicators: \(lowBase) on a low base, \(suppressed) suppressed, \(empty) of them empty"
        )
      }
      if let problem = result.located {
        PipelineLoader.printError("error: \(problem)")
      }
    }
    let passed = results.map { !$0.failed }
    for path in try StageOutputs.write(
      &results, pipeline: pipeline, to: options.out, labels: options.labels, csvLocale: options.csvLocale)
    {
      print("wrote \(path)")
    }
    for (result, passed) in zip(results, passed) where passed {
      if let problem = result.located { PipelineLoader.printError("error: \(problem)") }
    }
    if results.contains(where: \.failed) {
      throw ExitCode(2)
    }
  }
}
