import ArgumentParser
import Foundation
import PhareKit

/// `phare run SPEC|FOLDER… --out DIR`: every pipeline through to its published outputs, then the
/// matrices built from them, with a short summary per survey.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run pipelines (and the territorial matrix) end to end; write every output; print a summary.",
    discussion: """
      Each survey pipeline is cleaned, weighted and estimated wave by wave and its outputs are \
      written under DIR/<survey>/ (as `phare estimate` writes them). A matrix spec (top-level \
      `matrix:`, e.g. Pipelines/phare-territoires.yml) runs the pipelines it reads and writes \
      DIR/<matrix>/<wave>/matrix.csv. A folder stands for the specs directly inside it.
      Exit codes: 0 done; 1 a spec has problems (the other specs still run); 2 some waves failed \
      or a matrix is incomplete.
      """
  )

  @Argument(help: "Pipeline or matrix specs, or folders of them (e.g. Pipelines).")
  var specs: [String]

  @Option(help: "The folder to write the outputs into.")
  var out = "out"

  @Option(
    help: "How CSV files are written: rfc4180 (comma, decimal point, CRLF) or fr (semicolon, decimal comma, BOM).")
  var csvLocale: CSVLocale = .rfc4180

  func run() throws {
    let plan: RunPlan
    do {
      plan = try RunPlan.resolve(specs)
    } catch let problems as SpecProblems {
      PipelineLoader.report(problems, in: specs.joined(separator: ", "))
      throw ExitCode.failure
    }
    var specFailed = false
    var wavesFailed = false
    var indicators: [String: [String: [Indicator]]] = [:]
    for path in plan.pipelines {
      guard let pipeline = try? PipelineLoader.load(path) else {
        specFailed = true
        continue
      }
      let results: [WaveResult]
      do {
        results = try PipelineRunner(pipeline: pipeline).run(through: .estimate)
      } catch let problems as SpecProblems {
        PipelineLoader.report(problems, in: path)
        specFailed = true
        continue
      }
      let folder = out + "/" + pipeline.spec.survey
      try StageOutputs.write(results, pipeline: pipeline, to: folder, labels: false, csvLocale: csvLocale)
      RunSummary.lines(pipeline, results: results, outputs: folder).forEach { print($0) }
      for result in results {
        if let problem = result.problem { PipelineLoader.printError("error: \(result.file.path): \(problem)") }
        if let found = result.indicators { indicators[path, default: [:]][result.file.wave] = found }
      }
      wavesFailed = wavesFailed || results.contains(where: \.failed)
    }
    for matrix in plan.matrices {
      let domains = try FragilityDomain.load(matrix.domains)
      let waves = Set(indicators.filter { matrix.pipelines.contains($0.key) }.values.flatMap(\.keys)).sorted()
      print("\(matrix.title) (\(matrix.file))")
      for wave in waves {
        let built = TerritorialMatrix(
          spec: matrix, wave: wave, domains: domains, indicators: indicators.compactMapValues { $0[wave] })
        let paths = try built.write(under: out, locale: csvLocale)
        let filled = built.cells.filter { $0.indicator != nil }.count
        print(
          "  wave \(wave): \(filled) of \(built.cells.count) cells estimated; wrote \(paths.joined(separator: ", "))")
        for problem in built.problems {
          PipelineLoader.printError("error: \(matrix.file): wave \(wave): \(problem)")
        }
        wavesFailed = wavesFailed || !built.problems.isEmpty
      }
    }
    if specFailed { throw ExitCode.failure }
    if wavesFailed { throw ExitCode(2) }
  }
}
