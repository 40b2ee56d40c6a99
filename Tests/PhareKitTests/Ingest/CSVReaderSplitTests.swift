import Foundation
import Testing

@testable import PhareKit

/// An export parsed in two halves on two cores reads exactly as in one parse, wherever it is cut.
@Suite struct CSVReaderSplitTests {
  /// Every committed ingest fixture and test export, cut at 24 points and read in 7-byte blocks.
  @Test func everyCommittedExportCutAnywhereReadsAsInOneParse() throws {
    var paths: [String] = []
    for folder in [Fixtures.tests + "/Fixtures/ingest", Fixtures.tests + "/Fixtures/exports"] {
      let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
      paths += files.filter { file in [".csv", ".txt", ".tsv"].contains { file.hasSuffix($0) } }
        .map { folder + "/" + $0 }
    }
    #expect(paths.count > 30)
    for path in paths.sorted() {
      let whole = IngestReading { try reader(splitAt: nil).read(path) }
      for fraction in stride(from: 0.02, to: 0.98, by: 0.04) {
        #expect(IngestReading { try reader(splitAt: fraction).read(path) } == whole, "\(path) cut at \(fraction)")
      }
    }
  }

  /// A survey export with quoted line breaks, CRLF, malformed records, a blank line, accents and
  /// a DOS end-of-file mark: the halves are joined where the first ends between records and the
  /// columns agree, and parsed again where the first half already keeps a column as text and the
  /// second read decimals in it (whose bytes a single parse keeps as written).
  @Test func halvesAreJoinedOnlyWhereThatIsTheSingleParse() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var lines = ["id,code,score,ratio,comment"]
    for row in 1...200 {
      let score = row == 3 ? "n/a" : String(row % 11)
      let ratio = row == 5 ? "x" : (100...120).contains(row) ? "\(row % 7).50" : String(row)
      let comment =
        row % 10 == 0 ? "\"ligne \(row)\r\nsuite, \"\"citée\"\"\"" : row % 7 == 0 ? "Évry \(row)" : ""
      switch row {
      case 50: lines.append("R50,1,2,\"bad\"x,3")
      case 70: lines.append("R70,1,2")
      case 80: lines.append("")
      default: lines.append("R\(row),\(row % 5),\(score),\(ratio),\(comment)")
      }
    }
    let path = try folder.write("wave.csv", lines.joined(separator: "\r\n") + "\r\n\u{1A}")

    let whole = IngestReading { try reader(splitAt: nil).read(path) }
    #expect(whole.rowsRead == 199)
    #expect(whole.quarantinedLines.count == 2)
    var joined = 0
    var reparsed = 0
    for fraction in stride(from: 0.01, to: 0.99, by: 0.01) {
      let result = try reader(splitAt: fraction).read(path)
      #expect(IngestReading(result) == whole, "cut at \(fraction)")
      if result.parsedInTwo { joined += 1 } else { reparsed += 1 }
    }
    // Cut before row 100, the second half reads `ratio`'s decimals while the first keeps it as text.
    #expect(joined >= 30)
    #expect(reparsed >= 50)
  }

  /// A reader in 7-byte blocks that cuts every export at `fraction` of its text, or never.
  private func reader(splitAt fraction: Double?) -> CSVReader {
    var reader = CSVReader(blockSize: 7)
    reader.splitsAbove = fraction == nil ? .max : 0
    reader.splitFraction = fraction ?? 0.5
    return reader
  }
}
