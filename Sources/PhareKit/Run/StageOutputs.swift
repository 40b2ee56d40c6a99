import Foundation

/// Writes what the stages produced: `<wave>/clean.csv` and, when weighted, `<wave>/weights.csv`
/// for each wave that passed; when estimated, `<wave>/indicators.csv`, `indicators-audit.csv`,
/// `tables/<name>.csv` and `feed.json`; `quarantine.csv` for all waves; `manifest.json`. Each file atomically.
public enum StageOutputs {
  /// Writes the outputs, CSV files in `csvLocale`, the feed stamped `generatedAt`; returns the paths written.
  @discardableResult
  public static func write(
    _ results: [WaveResult], pipeline: Pipeline, to folder: String, labels: Bool, csvLocale: CSVLocale = .rfc4180,
    generatedAt: Date = Date()
  ) throws -> [String] {
    var written: [String] = []
    func write(_ text: String, _ path: String) throws {
      try AtomicFile.write(text, to: path)
      written.append(path)
    }
    for result in results where !result.failed {
      guard let wave = result.cleaned else { continue }
      let waveFolder = "\(folder)/\(wave.wave)"
      try write(wave.cleanCSV(labels: labels, locale: csvLocale), "\(waveFolder)/clean.csv")
      if let weighted = result.weighted {
        try write(weighted.weightsCSV(locale: csvLocale), "\(waveFolder)/weights.csv")
      }
      if let indicators = result.indicators {
        try write(Indicator.csv(indicators, audit: false, locale: csvLocale), "\(waveFolder)/indicators.csv")
        try write(Indicator.csv(indicators, audit: true, locale: csvLocale), "\(waveFolder)/indicators-audit.csv")
        for table in pipeline.spec.estimate?.tables ?? [] {
          let crossTable = CrossTable(table, indicators: indicators, wave: wave, pipeline: pipeline)
          try write(crossTable.csv(locale: csvLocale), "\(waveFolder)/tables/\(table.name).csv")
        }
        let feed = Feed(pipeline: pipeline, wave: wave.wave, indicators: indicators, generatedAt: generatedAt)
        try write(try feed.json(), "\(waveFolder)/feed.json")
      }
    }
    let quarantined = results.flatMap { ($0.cleaned?.quarantined ?? []) + ($0.weighted?.quarantined ?? []) }
    try write(QuarantinedRow.csv(quarantined, locale: csvLocale), "\(folder)/quarantine.csv")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let json = try encoder.encode(try RunManifest(pipeline: pipeline, results: results, generatedAt: generatedAt))
    try write(String(decoding: json, as: UTF8.self) + "\n", "\(folder)/manifest.json")
    return written
  }
}
