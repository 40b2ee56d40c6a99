import Foundation
import Testing

@testable import PhareKit

/// An SPSS or Stata file read in two halves on two cores reads exactly as in one pass, wherever
/// it is cut.
@Suite struct StatFileReaderSplitTests {
  /// Every committed typed file, good or bad, with the codebooks that read it, cut at 12 points.
  @Test func everyCommittedFileCutAnywhereReadsAsInOnePass() throws {
    let institutions = try Pipeline.load(Fixtures.pipelines("institutions.yml")).exportReader.statFile
    let citizens = try Pipeline.load(Fixtures.pipelines("citoyens.yml")).exportReader.statFile
    let refusals = StatFileReader(
      missingCodes: ["q3": [ValueLabel(code: 8, label: "Refus"), ValueLabel(code: 9, label: "Sans opinion")]])
    let spss = Fixtures.repository + "/Fixtures/spss/"
    let tests = Fixtures.tests + "/Fixtures/spss/"
    var readings: [(String, StatFileReader)] = [
      (spss + "maires-2016.sav", institutions), (spss + "maires-2016.zsav", institutions),
      (spss + "maires-2016.dta", institutions), (spss + "maires-2016.dta", refusals),
      (spss + "citoyens-2015.sav", citizens), (spss + "citoyens-2015.dta", citizens),
      (tests + "windows-1252.sav", StatFileReader()), (tests + "text-then-decimals.sav", StatFileReader()),
    ]
    for bad in ["contradicting-labels.sav", "corrupted.sav", "not-a-sav.sav", "old-version.dta", "truncated.sav"] {
      readings.append((spss + bad, institutions))
    }
    for codes in [[9], [8, 9], []] {
      let labels = codes.map { ValueLabel(code: $0, label: $0 == 8 ? "Refus" : "Ne sait pas") }
      readings.append((tests + "tagged-missing.dta", StatFileReader(missingCodes: ["q3": labels])))
    }
    for (path, reader) in readings {
      let format = try #require(StatFileFormat(path: path))
      let whole = IngestReading { try Self.cut(reader, at: nil).read(path, as: format) }
      #expect(whole.error != nil || whole.rowsRead > 0, "\(path)")
      for fraction in [0.001, 0.1, 0.2, 0.3, 0.4, 0.5, 0.54, 0.6, 0.7, 0.8, 0.9, 0.999] {
        let cut = IngestReading { try Self.cut(reader, at: fraction).read(path, as: format) }
        #expect(cut == whole, "\(path) cut at \(fraction)")
      }
    }
  }

  /// The halves are joined where the columns agree, and the second
  /// half is read again where the first keeps `note` as text and the second read decimals in it
  /// (`Tests/Fixtures/spss/text-then-decimals.sav`: words in cases 1 to 5, decimals from 21 on).
  @Test func halvesAreJoinedOnlyWhereThatIsTheSinglePass() throws {
    let path = Fixtures.tests + "/Fixtures/spss/text-then-decimals.sav"
    let whole = try Self.cut(StatFileReader(), at: nil).read(path, as: .sav)
    #expect(whole.rowsRead == 40 && !whole.parsedInTwo)
    #expect(whole.table["note"]?.text(at: 0) == "mot 1" && whole.table["note"]?.text(at: 20) == "0.50")
    #expect(whole.table["q1"]?.number(at: 2) == 9 && whole.table["q1"]?.number(at: 39) == nil)
    var joined: [Int] = []
    for split in 1..<40 {
      let result = try Self.cut(StatFileReader(), at: (Double(split) + 0.5) / 40).read(path, as: .sav)
      #expect(IngestReading(result) == IngestReading(whole), "cut at case \(split)")
      if result.parsedInTwo { joined.append(split) }
    }
    // A second half from case 6 on reads `note`'s decimals while the first keeps words.
    #expect(joined == [1, 2, 3, 4])
  }

  /// `reader` cutting every file at `fraction` of its cases, or never.
  private static func cut(_ reader: StatFileReader, at fraction: Double?) -> StatFileReader {
    var reader = reader
    reader.splitsAbove = fraction == nil ? .max : 0
    reader.splitFraction = fraction
    return reader
  }
}
