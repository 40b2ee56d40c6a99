import ArgumentParser
import PhareKit

/// `phare-bench ingest-sav`: ReadStat's parse with no-op callbacks (the floor, `sav-floor`)
/// against phare's read of the same SPSS file into the columnar table (`StatFileReader`, configured
/// as the pipeline's runs configure it: identifiers kept as text, personal columns as filled or not).
struct IngestSav: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest-sav", abstract: "Measure reading an SPSS .sav against the ReadStat floor on one file.")

  @Argument(help: "The .sav (or .zsav) file to read.")
  var file: String

  @Option(help: "The sav-floor executable.")
  var floor: String

  @Option(help: "The pipeline whose reader is measured (its codebook's identifier, text and personal columns).")
  var pipeline = "Pipelines/citoyens.yml"

  @Option(help: "Runs of each; the best is reported.")
  var `repeat` = 3

  func validate() throws {
    guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
    guard let format = StatFileFormat(path: file), format != .dta else {
      throw ValidationError("\(file) is not a .sav or .zsav file")
    }
  }

  func run() throws {
    let floorBest = try (0..<`repeat`).map { _ in try FloorRun(executable: floor, arguments: [file]) }
      .min { $0.seconds < $1.seconds }!
    let reader = try Pipeline.load(pipeline).exportReader.statFile
    var best = Double.infinity
    var rowsKept = 0
    var columnar = 0
    for _ in 0..<`repeat` {
      let start = Clock.now()
      let result = try reader.read(file, as: StatFileFormat(path: file)!)
      best = min(best, Clock.now() - start)
      rowsKept = result.rowsKept
      columnar = result.table.byteSize
    }
    let rows = floorBest.records
    let ratio = floorBest.seconds / best
    print("file            \(file): \(floorBest.bytes) bytes, \(rows) cases")
    print(line("floor (ReadStat)", seconds: floorBest.seconds, rows: rows))
    print(line("phare ingest", seconds: best, rows: rows))
    print("rows kept       \(rowsKept) " + (rowsKept == rows ? "(= cases in file)" : "(MISMATCH: \(rows) cases)"))
    print(
      "ratio           ingest / floor = \(Format.fixed(ratio, 3)) (target ≥ 0.6: \(ratio >= 0.6 ? "PASS" : "MISS"))")
    print(
      "peak RSS        phare \(Format.fixed(Double(Memory.peakResidentKilobytes()) / 1024, 1)) MB "
        + "(columnar \(Format.fixed(Double(columnar) / 1_048_576, 1)) MB), "
        + "floor \(Format.fixed(Double(floorBest.maxRSSKilobytes) / 1024, 1)) MB")
    if rowsKept != rows { throw ExitCode.failure }
  }

  private func line(_ name: String, seconds: Double, rows: Int) -> String {
    name + String(repeating: " ", count: max(1, 17 - name.count)) + "\(Format.fixed(seconds, 3)) s  "
      + "\(Format.fixed(Double(rows) / seconds / 1e6, 3)) M cases/s"
  }
}
