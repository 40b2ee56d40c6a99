import Foundation
import Logging
import Synchronization

/// One `phare run`: every pipeline of the plan brought up to date, then every matrix, then the
/// output folder's `index.json` (`FeedIndex`), recorded in the registry as one run (`running`
/// until it ends; a run killed meanwhile is marked `interrupted` by the next one). Returns the
/// summary, the errors and the exit code.
public struct RunBatch {
  public struct Settings: Sendable {
    public var force = false
    public var options = StageOutputs.Options()
    public var logger = Logger(label: "phare")
    /// Draw a progress bar on standard error (a terminal only).
    public var progress = false
    public var faults = FaultInjection()

    public init() {}
  }

  public struct Report: Sendable {
    public var summary: [String] = []
    public var errors: [String] = []
    /// 0 done; 1 the registry or an output could not be used (first in precedence); 2 a spec was
    /// refused, waves failed or a matrix measure found nothing (a survey's missing wave is no failure).
    public var exitCode = 0

    /// Adds what a later part of the run reported, its exit code taken by the same precedence.
    mutating func absorb(_ later: Report) {
      summary += later.summary
      errors += later.errors
      if later.exitCode == 1 || (later.exitCode == 2 && exitCode == 0) { exitCode = later.exitCode }
    }
  }

  /// The specs checked: what runs and what is refused.
  public let preflight: RunPreflight
  public let out: String
  public let registry: RunRegistry
  public let command: String

  /// Resolves and checks the specs (never throws for a spec: a refused one is reported by `run`)
  /// and opens (or creates, or migrates) the registry.
  public init(specs: [String], out: String, registry path: String, command: String) throws {
    preflight = RunPreflight(specs)
    self.out = out
    registry = try RunRegistry(path: path)
    self.command = command
  }

  public func run(_ settings: Settings) -> Report {
    var report = Report()
    let logger = settings.logger
    do {
      let repaired = try registry.repairInterrupted()
      if repaired > 0 { logger.warning("marked interrupted runs", metadata: ["runs": .stringConvertible(repaired)]) }
      let run = try registry.beginRun(command: command)
      for refused in preflight.refused {
        logger.notice(
          "spec refused", metadata: ["spec": "\(refused.spec)", "problems": .stringConvertible(refused.problems.count)])
        report.errors += refused.problems.map(\.description)
        report.exitCode = 2
      }
      let pipelines = preflight.plan.pipelines.compactMap { preflight.pipelines[$0] }
      let bar = settings.progress ? ProgressBar(total: pipelines.count + preflight.matrices.count) : nil
      var pipelineWaves: [String: [String]] = [:]
      for (pipeline, part) in zip(pipelines, updateAtOnce(pipelines, run: run, settings: settings, bar: bar)) {
        pipelineWaves[pipeline.spec.file] = part.waves
        report.absorb(part.report)
      }
      let surveys = preflight.pipelines.mapValues(\.spec.survey)
      for (index, matrix) in preflight.matrices.enumerated() {
        bar?.show(pipelines.count + index, matrix.file)
        var update = MatrixUpdate(
          spec: matrix, out: out, registry: registry, force: settings.force, options: settings.options,
          pipelineWaves: pipelineWaves, actors: preflight.pipelines.mapValues(\.spec.actor), surveys: surveys)
        update.notAsked = preflight.pipelines.mapValues { pipeline in { pipeline.notAskedDomains(in: $0) } }
        try update.update(logger: logger, report: &report)
      }
      bar?.finish()
      let index = out + "/" + FeedIndex.fileName
      do {
        if try FeedIndex.update(
          out: out, pipelines: pipelines, matrices: preflight.matrices, generatedAt: settings.options.generatedAt)
        {
          logger.info("index written", metadata: ["index": "\(index)"])
        }
      } catch {
        report.errors.append("\(index): \(error)")
        report.exitCode = 1
      }
      try registry.finishRun(run, status: report.exitCode == 0 ? .done : .failed, exitCode: report.exitCode)
    } catch {
      report.errors.append(String(describing: error))
      report.exitCode = 1
    }
    return report
  }

  /// Updates the pipelines, at once when their exports are small (`AtOnce`: each writes its own
  /// folder; the registry serialises their records), the most indicators first
  /// (`Pipeline.indicatorsPerWave` × waves) so that the small ones fill the cores at the end: each
  /// one's wave ids and report, in the pipelines' order.
  private func updateAtOnce(_ pipelines: [Pipeline], run: RunID, settings: Settings, bar: ProgressBar?)
    -> [(waves: [String]?, report: Report)]
  {
    let exports = AtOnce.bytes(of: pipelines.flatMap { $0.waves.map(\.path) })
    let workload = pipelines.map { $0.indicatorsPerWave * $0.waves.count }
    let start = pipelines.indices.sorted { (workload[$1], $0) < (workload[$0], $1) }
    let done = Atomic<Int>(0)
    let (out, registry) = (out, registry)
    let parts = AtOnce.map(pipelines.count, exportBytes: exports) { position in
      let pipeline = pipelines[start[position]]
      var report = Report()
      let waves = Self.update(pipeline, out: out, registry: registry, run: run, settings: settings, report: &report)
      bar?.show(done.add(1, ordering: .relaxed).newValue, pipeline.spec.file)
      return (waves, report)
    }
    var inOrder = parts
    for (position, index) in start.enumerated() { inOrder[index] = parts[position] }
    return inOrder
  }

  /// Updates one pipeline and returns its wave ids; its problems go into the report, never stop
  /// the others (nil when it cannot be loaded or updated).
  private static func update(
    _ pipeline: Pipeline, out: String, registry: RunRegistry, run: RunID, settings: Settings, report: inout Report
  ) -> [String]? {
    let path = pipeline.spec.file
    do {
      var update = PipelineUpdate(
        pipeline: pipeline, folder: out + "/" + pipeline.spec.survey, registry: registry, run: run)
      update.options = settings.options
      update.force = settings.force
      update.faults = settings.faults
      update.logger = settings.logger
      let outcomes = try update.update()
      let survey = pipeline.spec.survey
      // The wave ids as the update resolved them (from file names or a wave column), in wave order.
      let waves = Set(outcomes.map(\.file.wave)).sorted()
      for orphan in OrphanedWaveFolders.find(in: update.folder, waves: Set(waves), marker: "manifest.json") {
        settings.logger.warning(
          "wave outputs kept, but no export gives this wave any more: remove the folder to unpublish it",
          metadata: ["survey": "\(pipeline.spec.survey)", "wave": "\(orphan)", "folder": "\(update.folder)/\(orphan)"])
      }
      let latest = try waves.last { try registry.lastProcessed(survey: survey, wave: $0) != nil }
      let headlines =
        try latest.map {
          try registry.nationalIndicators(
            survey: survey, wave: $0, variables: pipeline.spec.headlines.map(\.variable))
        } ?? []
      report.summary += RunSummary.lines(
        pipeline, outcomes: outcomes, latest: latest.map { ($0, headlines) }, outputs: update.folder)
      for case .failed(let result) in outcomes {
        report.errors.append(result.located ?? "\(result.file.path): failed")
        if report.exitCode == 0 { report.exitCode = 2 }
      }
      return waves
    } catch {
      report.errors.append("\(path): \(error)")
    }
    report.exitCode = 1
    return nil
  }
}
