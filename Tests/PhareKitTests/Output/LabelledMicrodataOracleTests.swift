import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// What R haven read from phare's clean.sav and clean.dta of the mayors' wave 2016
/// (Tests/Oracle/microdata.R, goldens in Tests/Oracle/microdata/): the codebook's labels and
/// missing codes, and weighted shares equal to the indicators phare estimates now.
@Suite struct LabelledMicrodataOracleTests {
  /// One golden file's rows, as (variable, what, key, text).
  private static func golden(_ name: String) throws -> [[String]] {
    Array(CSVText.rows(try String(contentsOfFile: Fixtures.oracle("microdata/" + name), encoding: .utf8)).dropFirst())
      .filter { $0.count == 4 }
  }

  /// The clean variables of the mayors' wave 2016, and its indicators.csv, from a run now.
  private static func mayors() throws -> (variables: [CleanVariable], indicators: [[String]]) {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let pipeline = try Pipeline.load(Fixtures.pipelines("institutions.yml"))
    let results = try PipelineRunner(pipeline: pipeline).run(through: .estimate)
    let result = try #require(results.first { $0.file.wave == "2016" })
    var written = [result]
    try StageOutputs.write(&written, pipeline: pipeline, to: folder.path, labels: false)
    let indicators = CSVText.rows(try String(contentsOfFile: folder.path + "/2016/indicators.csv", encoding: .utf8))
    return (try #require(result.cleaned).variables, indicators)
  }

  /// Each variable's label, value labels and missing values as a golden lists them.
  private static func dictionary(_ rows: [[String]]) -> [String: (
    label: String, values: [String: String], missing: Set<String>
  )] {
    var variables: [String: (label: String, values: [String: String], missing: Set<String>)] = [:]
    for row in rows {
      let name = row[0]
      var entry = variables[name] ?? ("", [:], [])
      switch row[1] {
      case "label": entry.label = row[3]
      case "value": entry.values[row[2]] = row[3]
      default: entry.missing.insert(row[2])
      }
      variables[name] = entry
    }
    return variables
  }

  @Test func havenReadsTheCodebooksLabelsAndUserMissingValuesFromCleanSav() throws {
    let (variables, _) = try Self.mayors()
    let read = Self.dictionary(try Self.golden("mayors-2016-sav.csv"))
    #expect(Set(read.keys) == Set(["line", "final_weight"] + variables.map(\.name)))
    #expect(read["final_weight"]?.label == MicrodataColumns.finalWeightLabel)
    #expect(read["line"]?.label == MicrodataColumns.lineLabel)
    for variable in variables {
      let entry = try #require(read[variable.name])
      #expect(entry.label == variable.label, "\(variable.name)")
      let labels = Dictionary(
        uniqueKeysWithValues: (variable.values + variable.missingCodes).map { ("\($0.code)", $0.label) })
      #expect(entry.values == labels, "\(variable.name)")
      #expect(entry.missing == Set(variable.missingCodes.map { "\($0.code)" }), "\(variable.name)")
    }
    #expect(read["q4"]?.values["9"] == "Ne sait pas" && read["q4"]?.missing == ["9"])
  }

  @Test func havenReadsStataTaggedMissingValuesLabelledAsTheCodebooksMissingCodes() throws {
    let (variables, _) = try Self.mayors()
    let read = Self.dictionary(try Self.golden("mayors-2016-dta.csv"))
    #expect(Set(read.keys) == Set(["line", "final_weight"] + variables.map(\.name)))
    for variable in variables {
      let entry = try #require(read[variable.name])
      #expect(entry.label == variable.label, "\(variable.name)")
      var labels = Dictionary(uniqueKeysWithValues: variable.values.map { ("\($0.code)", $0.label) })
      for (index, missing) in variable.missingCodes.enumerated() {
        labels["." + String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index)))] = missing.label
      }
      #expect(entry.values == labels, "\(variable.name)")
    }
    #expect(read["q4"]?.values[".a"] == "Ne sait pas" && read["q4"]?.values["9"] == nil)
  }

  @Test func havensWeightedSharesFromCleanSavEqualPharesNationalEstimates() throws {
    let (_, indicators) = try Self.mayors()
    let header = try #require(indicators.first)
    func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
    let (breakdown, variable, category, statistic, estimate) = (
      try column("breakdown"), try column("variable"), try column("category"), try column("statistic"),
      try column("estimate")
    )
    var phare: [String: Double] = [:]
    for row in indicators.dropFirst() where row.count == header.count {
      guard row[breakdown] == "national", row[statistic] == "proportion", let value = Double(row[estimate]) else {
        continue
      }
      phare[row[variable] + "=" + row[category]] = value
    }
    let shares = CSVText.rows(
      try String(contentsOfFile: Fixtures.oracle("microdata/mayors-2016-shares.csv"), encoding: .utf8)
    ).dropFirst().filter { $0.count == 3 }
    var compared = 0
    for row in shares {
      guard let expected = phare[row[0] + "=" + row[1]] else { continue }
      let share = try #require(Double(row[2]))
      #expect(abs(share - expected) <= 1e-9 * max(abs(expected), 1e-300), "\(row[0]) = \(row[1])")
      compared += 1
    }
    #expect(compared > 60)
  }
}
