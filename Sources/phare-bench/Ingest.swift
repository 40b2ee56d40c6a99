import ArgumentParser
import Foundation
import PhareKit

/// `phare-bench ingest`: libcsv with no-op callbacks (the floor) against phare's ingest into the columnar table.
struct Ingest: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Measure ingest against the libcsv floor on one file.")

  @Argument(help: "The CSV file to read.")
  var file: String

  @Option(help: "The csv-floor executable.")
  var floor: String

  @Option(help: "Runs of each; the best is reported.")
  var `repeat` = 3

  func run() throws {
    let floorRuns = try (0..<`repeat`).map { _ in try FloorRun(executable: floor, file: file) }
    let floorBest = floorRuns.min { $0.seconds < $1.seconds }!
    var best = Double.infinity
    var rowsKept = 0
    var columnar = 0
    for _ in 0..<`repeat` {
      let start = Clock.now()
      let result = try CSVReader().read(file)
      best = min(best, Clock.now() - start)
      rowsKept = result.rowsKept
      columnar = result.table.byteSize
    }
    let bytes = Double(floorBest.bytes)
    let rows = Double(floorBest.records - 1)
    let peakMB = Double(Memory.peakResidentKilobytes()) / 1024
    let budgetMB = 2 * Double(columnar) / 1_048_576 + 64
    let ratio = (bytes / best) / (bytes / floorBest.seconds)
    print("file            \(file): \(floorBest.bytes) bytes, \(floorBest.records - 1) data rows")
    print(line("floor (libcsv)", seconds: floorBest.seconds, bytes: bytes, rows: rows))
    print(line("phare ingest", seconds: best, bytes: bytes, rows: rows))
    print("rows kept       \(rowsKept)\(rowsKept == Int(rows) ? "" : "  MISMATCH")")
    print("ratio           \(fixed(ratio, 3)) of the floor (target ≥ 0.6: \(ratio >= 0.6 ? "PASS" : "MISS"))")
    print(
      "peak RSS        phare \(fixed(peakMB, 1)) MB, floor \(fixed(Double(floorBest.maxRSSKilobytes) / 1024, 1)) MB; "
        + "columnar \(fixed(Double(columnar) / 1_048_576, 1)) MB, budget 2×columnar+64 = \(fixed(budgetMB, 1)) MB "
        + "(\(peakMB <= budgetMB ? "PASS" : "MISS"))")
  }

  private func line(_ name: String, seconds: Double, bytes: Double, rows: Double) -> String {
    "\(name.padding(toLength: 16, withPad: " ", startingAt: 0))\(fixed(seconds, 3)) s  "
      + "\(fixed(bytes / seconds / 1e6, 1)) MB/s  \(fixed(rows / seconds / 1e6, 2)) M rows/s"
  }

  private func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }
}
