import ArgumentParser
import Foundation
import PhareKit

/// `phare-bench run`: the job people run, at scale. A PHARE citizens' wave of `--rows`
/// respondents (the generator's, written once and cached under `--data`), the libcsv floor on
/// that export, then the release `phare run` of the shipped citizens pipeline on it, with every
/// default output written, as a child process: seconds, peak RSS, each stage's seconds from the
/// wave's manifest, and the ratio run / floor.
struct RunJob: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Time phare run end to end on a large generated citizens' wave against the libcsv floor.")

  @OptionGroup var job: JobOptions

  @Option(help: "Respondents in the generated wave.")
  var rows = 1_000_000

  @Option(help: "The csv-floor executable.")
  var floor = ".build/release/csv-floor"

  @Option(help: "The published figures the generator draws the population truth from.")
  var published = "Fixtures/published/published-figures.csv"

  @Option(help: "Where the generated wave and its pipeline are kept between runs.")
  var data = "out/bench"

  @Option(help: "The script timing DuckDB's or polars' plain sums, run when python3 imports either.")
  var referenceScript = "Benchmarks/reference-sums.py"

  func validate() throws {
    guard rows >= 2000 else { throw ValidationError("--rows needs at least 2000") }
  }

  func run() throws {
    let root = "\(data)/run-\(rows)"
    let export = try prepare(root)
    let floorBest = try (0..<job.repeat).map { _ in try FloorRun(executable: floor, file: export, separator: .comma) }
      .min { $0.seconds < $1.seconds }!
    var runs: [(run: ChildProcess, stages: [String: Double])] = []
    for _ in 0..<job.repeat {
      let out = NSTemporaryDirectory() + "phare-bench-run-" + UUID().uuidString
      defer { try? FileManager.default.removeItem(atPath: out) }
      let run = try ChildProcess(job.phare, ["run", root + "/Pipelines/citoyens.yml", "--out", out, "--quiet"])
      guard run.status == 0 else {
        throw BenchFailure(description: "phare run exited with \(run.status):\n\(run.standardError)")
      }
      runs.append((run, try stageSeconds(out + "/citoyens/2015/manifest.json")))
    }
    let median = runs.sorted { $0.run.seconds < $1.run.seconds }[runs.count / 2]
    let peak = Double(runs.map(\.run.peakResidentKilobytes).max()!) / 1_048_576
    let stages = ["ingestAndClean", "weight", "estimate"].map { median.stages[$0] ?? 0 }
    let rest = median.run.seconds - stages.reduce(0, +)
    let megabytes = Double(floorBest.bytes) / 1e6
    print("export          \(export): \(floorBest.records) records, \(Format.fixed(megabytes, 1)) MB")
    print(
      "csv-floor       \(Format.fixed(floorBest.seconds, 3)) s (\(Format.fixed(megabytes / floorBest.seconds, 0)) MB/s), "
        + "best of \(job.repeat)")
    print(
      "phare run       \(Format.fixed(median.run.seconds, 3)) s, median of \(job.repeat): ingest and clean "
        + "\(Format.fixed(stages[0], 3)) s, weight \(Format.fixed(stages[1], 3)) s, estimate \(Format.fixed(stages[2], 3)) s, "
        + "outputs and the rest \(Format.fixed(rest, 3)) s")
    let target = rows >= 10_000_000 ? (seconds: 35.0, gibibytes: 6.0) : (seconds: 3.0, gibibytes: 0.8)
    print(
      "peak RSS        \(Format.fixed(peak, 2)) GiB (target at this size: \(Format.fixed(target.gibibytes, 1)) GiB)")
    print(
      "ratio           run / floor = \(Format.fixed(median.run.seconds / floorBest.seconds, 2)) "
        + "(target at this size: \(Format.fixed(target.seconds, 0)) s, ~4 × the floor)")
    for line in try references(export, phareSeconds: median.run.seconds) { print(line) }
  }

  /// DuckDB's and polars' plain sums by region on the export (`referenceScript`, median of
  /// `--repeat`), for each that python3 imports: the optional second reference.
  private func references(_ export: String, phareSeconds: Double) throws -> [String] {
    let python = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
      .map { $0 + "/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let python, FileManager.default.fileExists(atPath: referenceScript) else {
      return ["reference       DuckDB or polars sums: no python3 or no \(referenceScript)"]
    }
    var lines: [String] = []
    for engine in ["duckdb", "polars"] where try ChildProcess(python, ["-c", "import \(engine)"]).status == 0 {
      let runs = try (0..<job.repeat).map { _ in try ChildProcess(python, [referenceScript, engine, export]) }
      if let failed = runs.first(where: { $0.status != 0 }) {
        lines.append("reference       \(engine) failed: \(failed.standardError)")
        continue
      }
      let median = runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
      let peak = Double(runs.map(\.peakResidentKilobytes).max()!) / 1_048_576
      lines.append(
        "reference       \(engine) plain sums by region (no weighting, no SE): \(Format.fixed(median.seconds, 3)) s, "
          + "peak RSS \(Format.fixed(peak, 2)) GiB; phare run / \(engine) = \(Format.fixed(phareSeconds / median.seconds, 2))"
      )
    }
    return lines.isEmpty
      ? ["reference       DuckDB or polars sums: python3 imports neither (optional: pip install duckdb polars)"] : lines
  }

  /// The export and a pipeline reading it under `root`, generated on first use; returns the export's path.
  private func prepare(_ root: String) throws -> String {
    let export = root + "/Fixtures/citoyens/citoyens-2015.csv"
    let files = FileManager.default
    if !files.fileExists(atPath: export) && rows > Self.generated && rows % Self.generated == 0 {
      // The generator holds a wave in memory (24 GB at 10,000,000): a larger wave is the generated
      // one's rows over again, each copy's identifiers made its own.
      var base = self
      base.rows = Self.generated
      let source = try base.prepare("\(data)/run-\(Self.generated)")
      print("writing \(rows) citizens under \(root)/Fixtures: \(rows / Self.generated) copies of \(source)")
      try ExportCopies(source: source, copies: rows / Self.generated).write(to: export)
      try FileManager.default.copyItem(
        atPath: "\(data)/run-\(Self.generated)/Fixtures/populations", toPath: root + "/Fixtures/populations")
    }
    if !files.fileExists(atPath: export) {
      print("generating \(rows) citizens under \(root)/Fixtures (once)")
      let figures = try PublishedFigures.load(published)
      _ = try PhareSynthesis(published: figures, citizens: rows).write(
        survey: "citoyens", wave: 2015, to: root + "/Fixtures")
      // A fresh process measures: a child spawned from this one would count the generator's
      // memory in its peak RSS (Linux carries the parent's high-water mark over vfork and exec).
      fflush(nil)
      let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
      execv("/proc/self/exe", arguments)
      throw BenchFailure(description: "phare-bench could not restart itself: \(String(cString: strerror(errno)))")
    }
    let specs = root + "/Pipelines"
    try? files.removeItem(atPath: specs)
    try files.createDirectory(atPath: specs, withIntermediateDirectories: true)
    for name in ["citoyens.yml", "codebooks", "domaines.csv"] {
      try files.copyItem(atPath: job.pipelines + "/" + name, toPath: specs + "/" + name)
    }
    return export
  }

  /// The largest wave the generator writes here; larger ones are copies of it.
  static let generated = 1_000_000

  /// Each stage's seconds as the wave's manifest records them.
  private func stageSeconds(_ manifest: String) throws -> [String: Double] {
    let data = try Data(contentsOf: URL(fileURLWithPath: manifest))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let waves = object["waves"] as? [[String: Any]], let seconds = waves.first?["seconds"] as? [String: Double]
    else { throw BenchFailure(description: "\(manifest) has no waves[0].seconds") }
    return seconds
  }
}
