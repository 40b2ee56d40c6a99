import Foundation

/// The PHARE synthetic fixtures (the microdata are not public): populations and three waves of each
/// survey's export whose truth is the published figures; the same seed gives the same bytes.
public struct PhareSynthesis: Sendable {
  public static let defaultSeed: UInt64 = 2016
  public static let waves = [2015, 2016, 2017]

  public let seed: UInt64
  let models: [any SurveyModel]

  /// The bundled design; `citizens` sets the citizens' sample size (the benchmarks use millions).
  public init(published: PublishedFigures, seed: UInt64 = defaultSeed, citizens: Int = citizens) throws {
    self.seed = seed
    models = [
      try MayorsModel(published), try CitizensModel(published, size: citizens), try AssociationsModel(published),
      try CompaniesModel(published),
    ]
  }

  /// The bundled citizens' sample size.
  public static let citizens = 3000

  /// Every file, by its path under the fixtures folder: the population files, then the exports.
  public func files() -> [(path: String, text: String)] {
    models.map(\.population)
      + models.flatMap { model in
        Self.waves.map { wave in (model.exportPath(wave: wave), WaveExport(model: model, wave: wave, seed: seed).text) }
      }
  }

  /// Writes one survey's population file and its export of one wave under `folder` (the layout
  /// of `write(to:)`), for benchmarks on one large wave; returns the paths written (none for a
  /// survey that is not one of the pipelines). Throws what writing a file throws.
  public func write(survey: String, wave: Int, to folder: String) throws -> [String] {
    let files = models.filter { $0.pipeline == survey }.flatMap { model in
      [model.population, (model.exportPath(wave: wave), WaveExport(model: model, wave: wave, seed: seed).text)]
    }
    return try Self.write(files, to: folder)
  }

  /// Writes every file under `folder`, each atomically; returns the paths written.
  public func write(to folder: String) throws -> [String] {
    try Self.write(files(), to: folder)
  }

  private static func write(_ files: [(path: String, text: String)], to folder: String) throws -> [String] {
    try files.map { file in
      let path = FilePath.join(folder, file.path)
      try AtomicFile.write(file.text, to: path)
      return path
    }
  }
}
