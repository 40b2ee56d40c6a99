import Foundation

/// Writes what the stages produced. Each wave that passed gets a folder `<wave>/` — its clean
/// microdata in the spec's `outputs.microdata` formats (clean.csv, clean.sav, clean.dta) and,
/// as far as the stages went, weights.csv, weighting.csv, indicators.csv, indicators-audit.csv,
/// `tables/<name>.csv` (of the variables the wave asks), feed.json, report.html, with the wave's own
/// quarantine.csv and manifest.json (which lists the folder's other files with their sizes) — which
/// replaces the previous one whole (`AtomicFolder`); `quarantine.csv` and `manifest.json` beside
/// the wave folders cover all waves, failed ones included. Every file is written atomically.
public enum StageOutputs {
  /// How outputs are written: CSV locale, answer labels in clean.csv, the feeds' stamp.
  public struct Options: Sendable {
    public var labels = false
    public var csvLocale = CSVLocale.rfc4180
    public var generatedAt = Date()
    /// Called with each file's path once it is written, for fault injection in tests.
    public var afterEachFile: @Sendable (String) -> Void = { _ in }

    public init(labels: Bool = false, csvLocale: CSVLocale = .rfc4180, generatedAt: Date = Date()) {
      self.labels = labels
      self.csvLocale = csvLocale
      self.generatedAt = generatedAt
    }

    /// What shapes the bytes of the outputs besides the inputs and the spec: the CSV locale, labels
    /// and phare's version. A derived output's manifest lists it, so a change rebuilds the output.
    public var fingerprint: String {
      "csv-locale \(csvLocale.rawValue), labels \(labels), phare \(PhareVersion.current)"
    }
  }

  /// Writes every wave's folder and the pipeline-level files; returns the paths written. A wave
  /// whose folder cannot be written (a value clean.sav cannot hold, a full disk) fails, its
  /// previous folder kept whole, with the reason in `results` and the manifest; the other waves
  /// are written all the same.
  /// - Throws: when the pipeline-level files cannot be written.
  @discardableResult
  public static func write(
    _ results: inout [WaveResult], pipeline: Pipeline, to folder: String, labels: Bool,
    csvLocale: CSVLocale = .rfc4180, generatedAt: Date = Date()
  ) throws -> [String] {
    let options = Options(labels: labels, csvLocale: csvLocale, generatedAt: generatedAt)
    var written: [String] = []
    for index in results.indices where !results[index].failed {
      guard let wave = results[index].cleaned else { continue }
      let target = "\(folder)/\(wave.wave)"
      var files: [String] = []
      do {
        try AtomicFolder.replace(target) { temporary in
          files = try writeWave(results[index], pipeline: pipeline, into: temporary, options: options)
        }
      } catch {
        results[index] = results[index].failing(error, doing: "its outputs could not be written")
        continue
      }
      written += files.map { target + "/" + $0 }
    }
    let quarantined = results.flatMap(\.quarantined)
    try AtomicFile.write(QuarantinedRow.csv(quarantined, locale: csvLocale), to: "\(folder)/quarantine.csv")
    try AtomicFile.write(
      try RunManifest(pipeline: pipeline, results: results, options: options).json(),
      to: "\(folder)/manifest.json")
    return written + ["\(folder)/quarantine.csv", "\(folder)/manifest.json"]
  }

  /// Writes one wave's files into `folder` and returns their paths relative to it.
  public static func writeWave(_ result: WaveResult, pipeline: Pipeline, into folder: String, options: Options) throws
    -> [String]
  {
    var written: [String] = []
    var sizes: [String: Int] = [:]
    /// Lists a file written into the folder, with its size, for the manifest.
    func record(_ name: String, size: Int) {
      written.append(name)
      sizes[name] = size
      options.afterEachFile(name)
    }
    func write(_ bytes: [UInt8], _ name: String) throws {
      try AtomicFile.write(bytes, to: folder + "/" + name)
      record(name, size: bytes.count)
    }
    func write(_ text: String, _ name: String) throws { try write(Array(text.utf8), name) }
    func write(_ csv: PartitionedCSV, _ name: String) throws {
      record(name, size: try AtomicFile.write(csv, to: folder + "/" + name))
    }
    let locale = options.csvLocale
    // The final weight as a column of the microdata, built once for every format.
    let appended = result.weighted.map { [$0.finalWeightColumn] } ?? []
    // The labelled files (SPSS, Stata) are written on another core while the CSV files are
    // formatted on every core; a failed wave's folder (`rejected/`) says why it failed: no labelled
    // file, which may be the reason.
    let labelledFiles = result.cleaned.flatMap {
      wave -> BackgroundValue<Result<[(MicrodataFormat, Int)], any Error>>? in
      let formats = pipeline.spec.outputs.microdata.filter { $0 != .csv }
      guard !formats.isEmpty, !result.failed else { return nil }
      let microdata = LabelledMicrodata(
        wave: wave, appended: appended,
        title: "\(pipeline.spec.title) — \(wave.wave)")
      return BackgroundValue {
        Result {
          try formats.map { format in
            do {
              return (format, try microdata.write(format, to: folder + "/" + format.fileName))
            } catch let error as FileWriteError {
              // Named as published (`<wave>/clean.sav`), not by the temporary folder it was written in.
              throw FileWriteError(path: wave.wave + "/" + format.fileName, reason: error.reason)
            }
          }
        }
      }
    }
    do {
      try writeCSVFiles()
    } catch {
      // The folder is not let go while a labelled file is still being written into it.
      _ = labelledFiles?.value
      throw error
    }
    for (format, size) in try labelledFiles?.value.get() ?? [] { record(format.fileName, size: size) }
    var manifest = try RunManifest(pipeline: pipeline, results: [result], options: options)
    manifest.files = sizes
    try write(try manifest.json(), "manifest.json")
    return written

    func writeCSVFiles() throws {
      if let wave = result.cleaned {
        if pipeline.spec.outputs.microdata.contains(.csv) {
          try write(
            wave.cleanCSV(labels: options.labels, locale: locale, appending: appended), MicrodataFormat.csv.fileName)
        }
        // The weighting report's rows, one pass over the weights for weighting.csv and report.html.
        let weighting = result.weighted.map { WeightingTable(diagnostics: $0.diagnostics, rows: $0.weightingReport()) }
        if let weighted = result.weighted, let weighting {
          try write(weighted.weightsCSV(locale: locale), "weights.csv")
          try write(WeightedWave.weightingCSV(weighting.rows, locale: locale), "weighting.csv")
        }
        if let indicators = result.indicators {
          try write(Indicator.csv(indicators, audit: false, locale: locale), "indicators.csv")
          try write(Indicator.csv(indicators, audit: true, locale: locale), "indicators-audit.csv")
          let estimates = Estimates(indicators: indicators, comparisons: result.comparisons)
          let crossTables = CrossTable.tables(of: wave, estimates: estimates, pipeline: pipeline)
          if pipeline.spec.estimate?.tables.isEmpty == false {
            try write(ColumnComparison.csv(result.comparisons, locale: locale), "comparisons.csv")
          }
          for (name, table) in crossTables { try write(table.csv(locale: locale), "tables/\(name).csv") }
          if !crossTables.isEmpty {
            let workbook = TablesWorkbook(
              title: "\(pipeline.spec.title) — \(wave.wave)", tables: crossTables, locale: locale)
            record("tables.xlsx", size: try workbook.write(to: folder + "/tables.xlsx"))
          }
          let feed = Feed(pipeline: pipeline, wave: wave.wave, indicators: indicators, generatedAt: options.generatedAt)
          try write(try feed.json(), "feed.json")
          try write(
            WaveReport(
              result, pipeline: pipeline, indicators: indicators, tables: crossTables.map(\.table),
              weighting: weighting
            ).html(),
            "report.html")
        }
      }
      try write(QuarantinedRow.csv(result.quarantined, locale: locale), "quarantine.csv")
    }
  }
}
