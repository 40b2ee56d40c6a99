import ArgumentParser
import PhareKit

/// `phare-bench ingest`: libcsv with no-op callbacks (the floor) against phare's ingest into the columnar table.
struct Ingest: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Measure ingest against the libcsv floor on one file.")

  @Argument(help: "The CSV file to read.")
  var file: String

  @Option(help: "The csv-floor executable.")
  var floor: String

  @Option(help: "The file's separator (',', ';' or 'tab'), given to the floor; phare detects it and must agree.")
  var separator = ","

  @Option(help: "Runs of each; the best is reported.")
  var `repeat` = 3

  func validate() throws {
    guard Separator(argument: separator) != nil else { throw ValidationError("unknown separator '\(separator)'") }
    guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
  }

  func run() throws {
    let separator = Separator(argument: separator)!
    let floorBest = try (0..<`repeat`).map { _ in try FloorRun(executable: floor, file: file, separator: separator) }
      .min { $0.seconds < $1.seconds }!
    var best = Double.infinity
    var rowsKept = 0
    var quarantined = 0
    var columnar = 0
    for _ in 0..<`repeat` {
      let start = Clock.now()
      let result = try CSVReader().read(file)
      best = min(best, Clock.now() - start)
      guard result.dialect.separator == separator else {
        throw BenchFailure(
          description: "phare read \(file) as \(result.dialect.separator.name)-separated; pass --separator to the floor"
        )
      }
      rowsKept = result.rowsKept
      quarantined = result.rowsQuarantined
      columnar = result.table.byteSize
    }
    let bytes = Double(floorBest.bytes)
    let rows = floorBest.records - 1
    let ratio = floorBest.seconds / best
    let peakMB = Double(Memory.peakResidentKilobytes()) / 1024
    let columnarMB = Double(columnar) / 1_048_576
    let budgetMB = 2 * columnarMB + 64
    print("file            \(file): \(floorBest.bytes) bytes, \(rows) data rows, \(separator.name)-separated")
    print(line("floor (libcsv)", seconds: floorBest.seconds, bytes: bytes, rows: rows))
    print(line("phare ingest", seconds: best, bytes: bytes, rows: rows))
    print(
      "rows kept       \(rowsKept), quarantined \(quarantined) "
        + (rowsKept == rows ? "(= rows in file)" : "(MISMATCH: \(rows) rows in file)"))
    print(
      "ratio           ingest / floor = \(Format.fixed(ratio, 3)) (target ≥ 0.6: \(ratio >= 0.6 ? "PASS" : "MISS"))")
    print(
      "peak RSS        phare \(Format.fixed(peakMB, 1)) MB, floor \(Format.fixed(Double(floorBest.maxRSSKilobytes) / 1024, 1)) MB"
    )
    print(
      "budget          2 × columnar \(Format.fixed(columnarMB, 1)) MB + 64 = \(Format.fixed(budgetMB, 1)) MB "
        + "(peak RSS ≤ budget: \(peakMB <= budgetMB ? "PASS" : "MISS"))")
    if rowsKept != rows { throw ExitCode.failure }
  }

  private func line(_ name: String, seconds: Double, bytes: Double, rows: Int) -> String {
    name + String(repeating: " ", count: 16 - name.count) + "\(Format.fixed(seconds, 3)) s  "
      + "\(Format.fixed(bytes / seconds / 1e6, 1)) MB/s  \(Format.fixed(Double(rows) / seconds / 1e6, 3)) M rows/s"
  }
}
