import Foundation
import Testing

@testable import PhareKit

extension SynthesisTests {
  @Suite struct SurveyExportGeneratorTests {
    /// The repository root, four levels above this file (`Tests/PhareKitTests/Synthesis/…`).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()

    @Test func sameSeedSameBytesOtherSeedOtherBytes() {
      let first = SurveyExportGenerator(rows: 500, seed: 3).bytes()
      #expect(first == SurveyExportGenerator(rows: 500, seed: 3).bytes())
      #expect(first != SurveyExportGenerator(rows: 500, seed: 4).bytes())
    }

    @Test func writesWhatItGenerates() throws {
      let path = NSTemporaryDirectory() + "phare-generator-\(UUID().uuidString).csv"
      defer { try? FileManager.default.removeItem(atPath: path) }
      let generator = SurveyExportGenerator(rows: 30_000, seed: 5, separator: .tab)
      try generator.write(to: path)
      #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == generator.bytes())
    }

    @Test func readsBackAsTheSurveyItDescribes() throws {
      let path = NSTemporaryDirectory() + "phare-generator-\(UUID().uuidString).csv"
      defer { try? FileManager.default.removeItem(atPath: path) }
      try SurveyExportGenerator(rows: 20_000, seed: 11, separator: .semicolon).write(to: path)
      let result = try CSVReader().read(path)
      #expect(result.dialect.separator == .semicolon)
      #expect(result.rowsKept == 20_000)
      #expect(result.rowsQuarantined == 0)
      #expect(result.table.columns.count == 37)
      let types = Dictionary(uniqueKeysWithValues: result.table.schema.fields.map { ($0.name, $0.type) })
      #expect(types["id"] == .numeric && types["region"] == .numeric)
      #expect(types["sexe"] == .categorical && types["age"] == .categorical && types["urbain"] == .categorical)
      #expect(types["s16"] == .numeric && types["f01"] == .numeric)
      let blankShare = Double(result.table["s01"]!.missingCount) / 20_000
      #expect(blankShare > 0.02 && blankShare < 0.04)
      guard case .categorical(let age) = result.table["age"] else { return }
      #expect(age.levels == ["18-24", "25-34", "35-49", "50-64", "65+"])
    }

    /// `Fixtures/sample/citizens-sample.csv`, which `make run` inspects, is exactly what the generator makes.
    @Test func theBundledSampleIsReproducible() throws {
      let committed = try Data(
        contentsOf: Self.repository.appendingPathComponent("Fixtures/sample/citizens-sample.csv"))
      #expect([UInt8](committed) == SurveyExportGenerator(rows: 200, seed: 2016, separator: .semicolon).bytes())
    }
  }
}
