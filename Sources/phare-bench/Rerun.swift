import ArgumentParser
import Foundation
import PhareKit

/// `phare-bench rerun`: what cron nights cost. On copies of the shipped pipelines and fixtures, the
/// release `phare run` as a subprocess: a first run, an unchanged rerun and a rerun after one
/// export changed (its last respondent removed), each the median of `--repeat` fresh copies, in
/// seconds and as ratios to the first run.
struct Rerun: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time phare run on the shipped pipelines: first run, unchanged rerun, one changed wave.")

  @OptionGroup var job: JobOptions

  @Option(help: "The fixtures folder to copy (the pipelines' exports and populations).")
  var fixtures = "Fixtures"

  @Option(help: "The export changed for the one-wave rerun, relative to the fixtures folder.")
  var change = "citoyens/citoyens-2017.csv"

  func run() throws {
    var times: [[Double]] = [[], [], []]
    for _ in 0..<job.repeat {
      let root = NSTemporaryDirectory() + "phare-bench-rerun-" + UUID().uuidString
      defer { try? FileManager.default.removeItem(atPath: root) }
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: job.pipelines, toPath: root + "/Pipelines")
      try FileManager.default.copyItem(atPath: fixtures, toPath: root + "/Fixtures")
      let out = root + "/out"
      times[0].append(try timed(root, out, processing: nil))
      times[1].append(try timed(root, out, processing: 0))
      try dropLastRecord(root + "/Fixtures/" + change)
      times[2].append(try timed(root, out, processing: 1))
    }
    let medians = times.map { $0.sorted()[$0.count / 2] }
    print("phare run \(job.pipelines) (copied with \(fixtures)), \(job.phare), median of \(job.repeat)")
    for (name, seconds) in zip(["first run", "unchanged rerun", "one-wave change"], medians) {
      let ratio = seconds / medians[0]
      var line = name.padding(toLength: 17, withPad: " ", startingAt: 0)
      line += "\(Format.fixed(seconds, 3)) s  \(Format.fixed(ratio, 3)) × first run"
      if name == "unchanged rerun" { line += " (target < 0.05: \(ratio < 0.05 ? "PASS" : "MISS"))" }
      print(line)
    }
  }

  /// Seconds one `phare run` takes; checks it exits 0 and, when given, processes that many waves.
  private func timed(_ root: String, _ out: String, processing waves: Int?) throws -> Double {
    let run = try ChildProcess(job.phare, ["run", root + "/Pipelines", "--out", out])
    guard run.status == 0 else {
      throw BenchFailure(description: "phare run exited with \(run.status):\n\(run.standardError)")
    }
    let processed = run.standardError.split(separator: "\n").filter { $0.contains(" clean done ") }.count
    if let waves, processed != waves {
      throw BenchFailure(description: "phare run processed \(processed) waves, not \(waves):\n\(run.standardError)")
    }
    return run.seconds
  }

  /// Removes the export's last line (one respondent): a changed wave that still passes.
  private func dropLastRecord(_ path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let end = data.dropLast().lastIndex(of: UInt8(ascii: "\n")) else {
      throw BenchFailure(description: "\(path) has a single line")
    }
    try data.prefix(through: end).write(to: URL(fileURLWithPath: path))
  }
}
