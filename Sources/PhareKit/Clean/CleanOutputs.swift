import Foundation

/// Writes the clean stage's contract to disk: `<wave>/clean.csv` for each wave that passed,
/// `quarantine.csv` for all waves, and `manifest.json`; each file atomically.
public enum CleanOutputs {
  /// Writes the outputs and returns the paths written.
  @discardableResult
  public static func write(_ results: [WaveResult], pipeline: Pipeline, to folder: String, labels: Bool) throws
    -> [String]
  {
    var written: [String] = []
    for result in results where !result.failed {
      guard let wave = result.cleaned else { continue }
      let path = "\(folder)/\(wave.wave)/clean.csv"
      try AtomicFile.write(wave.cleanCSV(labels: labels), to: path)
      written.append(path)
    }
    let quarantine = "\(folder)/quarantine.csv"
    try AtomicFile.write(CleanWave.quarantineCSV(results.compactMap(\.cleaned)), to: quarantine)
    written.append(quarantine)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let manifest = "\(folder)/manifest.json"
    let json = try encoder.encode(CleanManifest(pipeline: pipeline, results: results))
    try AtomicFile.write(String(decoding: json, as: UTF8.self) + "\n", to: manifest)
    written.append(manifest)
    return written
  }
}
