import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// What `phare estimate` writes, in both CSV locales: the same tables read back, text that a
/// spreadsheet would run neutralised in every CSV output, numbers untouched.
@Suite struct StageOutputsTests {
  private static let date = Date(timeIntervalSince1970: 1_750_000_000)

  /// Writes a pipeline's outputs in both locales; returns the two folders, to be removed by the caller.
  private static func writeBothLocales(_ pipeline: Pipeline, labels: Bool = false) throws -> (
    TemporaryFolder, TemporaryFolder
  ) {
    var results = try PipelineRunner(pipeline: pipeline).run(through: .estimate)
    #expect(results.allSatisfy { !$0.failed }, "\(results.compactMap(\.problem))")
    let standard = try TemporaryFolder()
    let french = try TemporaryFolder()
    let written = try StageOutputs.write(
      &results, pipeline: pipeline, to: standard.path, labels: labels, csvLocale: .rfc4180, generatedAt: date)
    let writtenFrench = try StageOutputs.write(
      &results, pipeline: pipeline, to: french.path, labels: labels, csvLocale: .french, generatedAt: date)
    #expect(written.map { $0.dropFirst(standard.path.count) } == writtenFrench.map { $0.dropFirst(french.path.count) })
    return (standard, french)
  }

  /// The CSV files under a folder, by relative path.
  private static func csvFiles(_ folder: TemporaryFolder) throws -> [String] {
    try #require(FileManager.default.subpaths(atPath: folder.path)).filter { $0.hasSuffix(".csv") }.sorted()
  }

  @Test func bothLocalesOfTheShippedPipelineReadBackToTheSameTables() throws {
    let (standard, french) = try Self.writeBothLocales(try Pipeline.load(Fixtures.pipelines("institutions.yml")))
    defer {
      standard.remove()
      french.remove()
    }
    let files = try Self.csvFiles(standard)
    #expect(files.count == 3 * 9 + 1)
    #expect(try Self.csvFiles(french) == files)
    for file in files {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: standard.path + "/" + file)))
      let frenchBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: french.path + "/" + file)))
      #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]) && frenchBytes.starts(with: [0xEF, 0xBB, 0xBF]))
      for text in [bytes, frenchBytes] {
        let lineFeeds = text.indices.filter { text[$0] == 0x0A }
        #expect(!lineFeeds.isEmpty && lineFeeds.allSatisfy { $0 > 0 && text[$0 - 1] == 0x0D }, "\(file): not CRLF")
      }
      if file.contains("/tables/") {
        let rows = CSVText.rows(String(decoding: bytes, as: UTF8.self))
        let frenchRows = CSVText.rows(String(decoding: frenchBytes, as: UTF8.self), separator: ";")
        let decimalComma = rows.map {
          $0.map {
            $0.wholeMatch(of: /[0-9]+\.[0-9]( [HB!])?/) != nil ? $0.replacingOccurrences(of: ".", with: ",") : $0
          }
        }
        #expect(frenchRows == decimalComma, "\(file)")
        #expect(frenchRows != rows && frenchRows.count == rows.count)
        continue
      }
      let read = try CSVReader().read(standard.path + "/" + file)
      let readFrench = try CSVReader().read(french.path + "/" + file)
      #expect(read.dialect == Dialect(encoding: .utf8, separator: .comma, lineEnding: .crlf, decimalComma: false))
      #expect(
        readFrench.dialect
          == Dialect(encoding: .utf8WithBOM, separator: .semicolon, lineEnding: .crlf, decimalComma: true))
      #expect(read.quarantined.isEmpty && readFrench.quarantined.isEmpty)
      #expect(read.table == readFrench.table, "\(file) reads back differently")
      #expect(read.table.columns.contains { $0.type == .numeric } || file == "quarantine.csv")
    }
    let feed = try String(contentsOfFile: standard.path + "/2016/feed.json", encoding: .utf8)
    #expect(try String(contentsOfFile: french.path + "/2016/feed.json", encoding: .utf8) == feed)
    #expect(try JSONSchemaValidator.feed().errors(JSONValue.parse(feed)) == [])
  }

  /// A wave folder's manifest lists every other file of the folder with its size on disk, which
  /// `phare run` checks; the manifest beside the wave folders lists none.
  @Test func aWaveManifestListsEveryOtherFileOfItsFolderWithItsSize() throws {
    let (standard, french) = try Self.writeBothLocales(try Pipeline.load(Fixtures.pipelines("institutions.yml")))
    defer {
      standard.remove()
      french.remove()
    }
    let folder = standard.path + "/2016"
    let manifest = try JSONDecoder().decode(
      RunManifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
    var sizes: [String: Int] = [:]
    for path in try #require(FileManager.default.subpaths(atPath: folder)) where path != "manifest.json" {
      let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + path)
      guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
      sizes[path] = (attributes[.size] as? NSNumber)?.intValue
    }
    #expect(sizes.keys.contains("indicators.csv") && sizes.keys.contains { $0.hasPrefix("tables/") })
    #expect(manifest.files == sizes)
    let whole = try JSONDecoder().decode(
      RunManifest.self, from: Data(contentsOf: URL(fileURLWithPath: standard.path + "/manifest.json")))
    #expect(whole.files == nil)
  }

  @Test func everyTextCellOfEveryCSVIsNeutralisedAndNumbersAreNot() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "codebook.yml",
      """
      variables:
        id: {type: identifier}
        region: {type: single, label: "@Région", values: {1: "=Nord", 2: "+Sud"}}
        q: {type: single, label: "=Q", values: {1: "-Oui", 2: Non}}
        s: {type: numeric, label: "-Solde", range: [-10, 10]}

      """)
    try folder.write("population.csv", "variable,category,total\nregion,1,600\nregion,2,400\n")
    try folder.write(
      "waves/w2025.csv",
      "id,region,q,s\n=A1,1,1,-3.5\n-B2,1,2,2\n+C3,2,1,-1\n@D4,2,2,4\nE5,1,1,-2\nF6,2,=1+1,0\n"
        + "G7,1,1,-4\nH8,2,2,1\n")
    let pipeline = try Pipeline.load(
      try folder.write(
        "pipeline.yml",
        """
        survey: test
        inputs: {folder: waves, wave: {file_name: "w(\\\\d{4})"}}
        codebook: codebook.yml
        populations: population.csv
        clean: {quarantine_threshold: 0.5}
        weight: {method: post-stratification, margins: [region]}
        estimate:
          variables: [q, s]
          breakdowns: [region]
          min_base: {flag: 2, suppress: 1}
          tables:
            - {name: q, variable: q}

        """))
    let (standard, french) = try Self.writeBothLocales(pipeline, labels: true)
    defer {
      standard.remove()
      french.remove()
    }
    for (output, separator) in [(standard, Character(",")), (french, ";")] {
      var fields: [String: [String]] = [:]
      for file in try Self.csvFiles(output) {
        let rows = CSVText.rows(
          try String(contentsOfFile: output.path + "/" + file, encoding: .utf8), separator: separator)
        fields[file] = rows.flatMap { $0 }
        for field in rows.joined() {
          let number = field.wholeMatch(of: /-[0-9]+([.,][0-9]+)?(e-[0-9]+)?/) != nil
          #expect(!(field.first.map { "=+-@\t".contains($0) } ?? false) || number, "\(file): \(field)")
        }
      }
      let clean = try #require(fields["2025/clean.csv"])
      #expect(["'=A1", "'-B2", "'+C3", "'@D4", "'=Nord", "'+Sud", "'-Oui"].allSatisfy(clean.contains))
      #expect(clean.contains(separator == "," ? "-3.5" : "-3,5") && clean.contains("-4"))
      let weights = CSVText.rows(
        try String(contentsOfFile: output.path + "/2025/weights.csv", encoding: .utf8), separator: separator)
      #expect(weights.dropFirst().map { $0[1] } == ["'=A1", "'-B2", "'+C3", "'@D4", "E5", "G7", "H8"])
      let quarantine = try #require(fields["quarantine.csv"])
      #expect(quarantine.contains("'=1+1"))
      let indicators = try #require(fields["2025/indicators.csv"])
      #expect(["'=Q", "'-Oui", "'=Nord", "'+Sud", "'-Solde"].allSatisfy(indicators.contains))
      #expect(indicators.contains { $0.hasPrefix("-0") || $0.hasPrefix("-1") || $0.hasPrefix("-2") })
      let table = try #require(fields["2025/tables/q.csv"])
      #expect(["'=Q", "'=Nord", "'+Sud", "'-Oui"].allSatisfy(table.contains))
    }
  }
}
