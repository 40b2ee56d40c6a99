import Foundation
import Testing

@testable import PhareKit

extension SynthesisTests {
  /// `phare synth`: the committed fixtures are what the generator writes, its designs are the
  /// published ones, and every wave's dirty rows are quarantined under their rule.
  @Suite struct PhareSynthesisTests {
    static let published = Result {
      try PublishedFigures.load(Fixtures.repository + "/Fixtures/published/published-figures.csv")
    }

    private func synthesis(seed: UInt64 = PhareSynthesis.defaultSeed) throws -> PhareSynthesis {
      try PhareSynthesis(published: try Self.published.get(), seed: seed)
    }

    @Test func theCommittedFixturesAreWhatTheGeneratorWrites() throws {
      let folder = try TemporaryFolder()
      defer { folder.remove() }
      let written = try synthesis().write(to: folder.path)
      #expect(written.count == 4 + 4 * PhareSynthesis.waves.count)
      for path in written {
        let relative = String(path.dropFirst(folder.path.count + 1))
        let committed = try Data(contentsOf: URL(fileURLWithPath: Fixtures.repository + "/Fixtures/" + relative))
        let generated = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(generated == committed, "Fixtures/\(relative) is not what phare synth writes: run make fixtures")
        #expect(committed.count < 500_000, "Fixtures/\(relative) should stay small")
      }
    }

    @Test func anotherSeedDrawsOtherRespondentsFromTheSamePopulations() throws {
      let usual = try synthesis().files()
      let other = try synthesis(seed: 7).files()
      #expect(usual.map(\.path) == other.map(\.path))
      for (first, second) in zip(usual, other) {
        #expect((first.text == second.text) == first.path.hasPrefix("populations/"), "\(first.path)")
      }
    }

    /// 304 mayors, 85% rural, every region × rural / urban cell represented, the 35,795 communes.
    @Test func theMayorsSampleIsThePublishedDesign() throws {
      let mayors = try MayorsModel(try Self.published.get())
      #expect(mayors.sampleSize == 304)
      let rural = mayors.cells.filter { $0["urbain"] == 1 }.reduce(0) { $0 + $1.respondents }
      #expect(abs(Double(rural) - 0.85 * 304) <= 1)
      #expect(mayors.cells.count == 26)
      #expect(mayors.cells.allSatisfy { $0.respondents >= 1 })
      let communes = mayors.cells.reduce(0) { $0 + $1.population }
      #expect(communes == 35_795)
      #expect(
        try Self.published.get().value("institutions", "", category: "", statistic: "population_total") == communes)
      let margins = try PopulationMargins.load(Fixtures.repository + "/Fixtures/populations/communes-2016.csv")
      for margin in ["region", "urbain", "region*urbain"] {
        #expect(margins.margins[margin]?.reduce(0) { $0 + $1.total } == 35_795)
      }
      // « Raisonné »: the small regions have more than their share, so the weights vary.
      let efficiency = Self.weightingEfficiency(mayors.cells)
      #expect(efficiency > 0.8 && efficiency < 0.92)
    }

    @Test func theSameGeneratorMakesLargerCitizenWavesForBenchmarks() throws {
      let published = try Self.published.get()
      let large = try CitizensModel(published, size: 200_000)
      #expect(large.sampleSize == 200_000)
      let perRegion = large.cells.reduce(into: [:]) { $0[$1["region"], default: 0] += $1.respondents }
      // Île-de-France's share of adults (9.24 of 49.9 million) once the floor no longer binds.
      #expect(abs(Double(perRegion[11]!) / 200_000 - 0.185) < 0.01)
      let files = try PhareSynthesis(published: published, citizens: 20_000).files()
      let wave = try #require(files.first { $0.path == "citoyens/citoyens-2015.csv" })
      let rows = wave.text.split(separator: "\n").count - 1
      #expect(rows > 20_000 && rows < 20_030)  // the respondents and the planted dirty rows
    }

    @Test func theOtherSurveysOverSampleWhereThePublicationsNeedIt() throws {
      let published = try Self.published.get()
      let citizens = try CitizensModel(published)
      #expect(citizens.sampleSize == 3000)
      // A floor of 150 per region (Corse: ±8 points), the rest by adults.
      let perRegion = citizens.cells.reduce(into: [:]) { $0[$1["region"], default: 0] += $1.respondents }
      #expect(perRegion.count == 13 && perRegion.values.allSatisfy { $0 >= 150 })
      #expect(perRegion[94] == 156 && perRegion[11] == 343)
      let associations = try AssociationsModel(published)
      #expect(associations.sampleSize == 1000)
      #expect(associations.cells.filter { $0["type"] == 1 }.reduce(0) { $0 + $1.respondents } == 300)
      let companies = try CompaniesModel(published)
      #expect(companies.sampleSize == 1000)
      #expect(companies.cells.filter { $0["taille"] == 2 }.reduce(0) { $0 + $1.respondents } == 600)
      for model in [citizens, associations, companies] as [any SurveyModel] {
        #expect(model.cells.allSatisfy { $0.respondents >= 1 })
        #expect(Self.weightingEfficiency(model.cells) < 0.9)
      }
    }

    /// Through the real pipelines: the respondents are clean, each dirty row is quarantined under
    /// its rule, well under the 5% threshold.
    @Test(arguments: ["institutions", "citoyens", "associations", "entreprises"])
    func everyWaveQuarantinesItsDirtyRowsUnderTheirRules(pipeline name: String) throws {
      let model = try #require(try synthesis().models.first { $0.pipeline == name })
      let pipeline = try Pipeline.load(Fixtures.pipelines(name + ".yml"))
      let results = try PipelineRunner(pipeline: pipeline).run(through: .clean)
      #expect(results.map(\.file.wave) == PhareSynthesis.waves.map(String.init))
      for result in results {
        let wave = try #require(result.cleaned)
        let expected = Dictionary(
          uniqueKeysWithValues: DirtyRowKind.allCases.map {
            ($0.rule(consistency: model.consistencyRule), model.dirtyRows($0, wave: Int(wave.wave)!))
          })
        #expect(Dictionary(uniqueKeysWithValues: wave.ruleCounts.map { ($0.rule, $0.count) }) == expected)
        #expect(wave.rowsClean == model.sampleSize)
        #expect(Double(wave.rowsQuarantined) / Double(wave.rowsRead) < 0.05)
        #expect(result.problem == nil)
      }
    }

    /// Kish's efficiency of weights proportional to population / respondents in each cell.
    private static func weightingEfficiency(_ cells: [DesignCell]) -> Double {
      let respondents = Double(cells.reduce(0) { $0 + $1.respondents })
      let sum = cells.reduce(0) { $0 + $1.population }
      let squares = cells.reduce(0) { $0 + $1.population * $1.population / Double($1.respondents) }
      return sum * sum / (respondents * squares)
    }
  }
}
