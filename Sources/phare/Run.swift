import ArgumentParser
import Foundation
import Logging
import PhareKit

/// `phare run SPEC|FOLDER… --out DIR`: brings every pipeline's outputs up to date with its waves
/// (unchanged waves skipped), then the matrices built from them; safe to run from cron.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Process new or changed waves of pipelines (and the territorial matrix); safe under cron.",
    discussion: """
      Each survey pipeline's waves are processed into DIR/<survey>/<wave>/ (as `phare estimate` \
      writes them; <wave> from the file name or the spec's wave column), each wave's folder \
      replaced whole; a wave whose export and spec are unchanged since the registry \
      (DIR/phare.sqlite) recorded it under the survey id, and whose folder's manifest.json has the \
      same export, spec, output options and phare version and lists files all there with their \
      sizes, is skipped, unless --force, whatever path the specs are given by (relative, absolute, \
      a symbolic link); a damaged wave folder is written again. A failed wave \
      keeps its previous outputs and says why in DIR/<survey>/rejected/<wave>/. Trends across \
      waves go to DIR/<survey>/trends.csv. A matrix spec (top-level `matrix:`) writes \
      DIR/<matrix>/<wave>/; a wave some surveys have not delivered yet is written with their cells \
      flagged actor-wave-missing (one warning, exit 0) and rebuilt when they deliver it. Trends, \
      time-series feeds and matrices are rebuilt only when the waves they are built from changed. \
      DIR/index.json lists every survey, wave, feed, table and matrix written, with each wave's status. \
      One run at a time per DIR and per registry (locks, taken over from a dead process).
      Logs: one line per stage per wave on standard error. The summary goes to standard output, \
      except with --quiet, which prints warnings and errors only, each once, on standard error.
      Before reading any data every spec is checked as `phare validate` checks it; a spec that \
      fails is refused whole (none of its waves processed, its outputs kept) while the others run.
      Exit codes: 0 done; 1 the registry or an output cannot be used; 2 a spec was refused, some \
      waves failed (unreadable, too many rows quarantined, weighting impossible) or a matrix \
      measure found nothing in a wave, the others processed; 3 another phare run holds DIR.
      """
  )

  @Argument(help: "Pipeline or matrix specs, or folders of them (e.g. Pipelines).", completion: .file())
  var specs: [String]

  @Option(help: "The folder to write the outputs into.", completion: .directory)
  var out = "out"

  @Option(help: "The run registry (SQLite); default DIR/phare.sqlite.", completion: .file())
  var registry: String?

  @Flag(help: "Reprocess every wave, changed or not.")
  var force = false

  @Option(
    help: "How CSV files are written: rfc4180 (comma, decimal point, CRLF) or fr (semicolon, decimal comma, BOM).")
  var csvLocale: CSVLocale = .rfc4180

  @Flag(help: "Print warnings and errors only, on standard error; nothing when all went well (for cron).")
  var quiet = false

  @Option(help: "Log lines as text or json.")
  var logFormat: LineLogHandler.Format = .text

  func run() throws {
    let level: Logger.Level = quiet ? .warning : .info
    LoggingSystem.bootstrap { _ in LineLogHandler(format: logFormat, level: level) }
    let logger = Logger(label: "phare")
    let registryPath = registry ?? out + "/phare.sqlite"
    let lock: OutputLock
    let registryLock: OutputLock
    do {
      lock = try OutputLock(folder: out)
      do {
        registryLock = try OutputLock(registry: registryPath)
      } catch {
        lock.release()
        throw error
      }
    } catch let held as OutputLock.Held {
      PipelineLoader.printError("error: \(held)")
      throw ExitCode(3)
    }
    defer {
      registryLock.release()
      lock.release()
    }
    if let pid = lock.takenOverFrom {
      logger.warning(
        "took over the lock of a dead run", metadata: ["pid": .stringConvertible(pid), "lock": "\(lock.path)"])
    }
    let batch: RunBatch
    do {
      batch = try RunBatch(
        specs: specs, out: out, registry: registryPath,
        command: (["phare"] + CommandLine.arguments.dropFirst()).joined(separator: " "))
    } catch {
      PipelineLoader.printError("error: \(error)")
      throw ExitCode.failure
    }
    var settings = RunBatch.Settings()
    settings.force = force
    settings.options = StageOutputs.Options(csvLocale: csvLocale)
    settings.logger = logger
    settings.progress = !quiet && logFormat == .text && isatty(STDERR_FILENO) == 1
    let report = batch.run(settings)
    // Under cron (--quiet) a run that went well prints nothing; problems are on standard error.
    if !quiet { report.summary.forEach { print($0) } }
    report.errors.forEach { PipelineLoader.printError("error: \($0)") }
    if report.exitCode != 0 { throw ExitCode(Int32(report.exitCode)) }
  }
}
