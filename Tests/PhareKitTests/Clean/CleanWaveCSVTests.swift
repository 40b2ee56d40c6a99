import Testing

@testable import PhareKit

/// clean.csv formatted in parts is the same bytes however the rows are split, in every locale,
/// with codes or labels.
@Suite struct CleanWaveCSVTests {
  @Test func partsOfAnySizeJoinToTheSinglePartBytes() {
    let wave = SyntheticSurvey(rows: 30_001, seed: 7).wave
    for locale in CSVLocale.allCases {
      for labels in [false, true] {
        let single = wave.cleanCSV(labels: labels, locale: locale, rowsPerPart: .max)
        #expect(single.partCount == 1)
        let bytes = single.bytes
        #expect(wave.cleanCSV(labels: labels, locale: locale, rowsPerPart: 7_000).bytes == bytes, "\(locale) \(labels)")
        #expect(wave.cleanCSV(labels: labels, locale: locale).bytes == bytes, "\(locale) labels \(labels)")
        // A header and one line per respondent, each ending in CRLF.
        #expect(bytes.split(separator: 0x0A).count == 30_002)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
      }
    }
  }

  @Test func labelsReplaceCodesThatHaveOne() {
    let wave = SyntheticSurvey(rows: 50, seed: 3).wave
    let codes = String(decoding: wave.cleanCSV(labels: false).bytes, as: UTF8.self)
    let labelled = String(decoding: wave.cleanCSV(labels: true).bytes, as: UTF8.self)
    let region = wave.variables.firstIndex { $0.name == "region" }!
    let row = 7
    let code = wave.table.columns[region].number(at: row).map { Int($0) }!
    let label = wave.variables[region].values.first { $0.code == code }!.label
    let cell = { (text: String) in
      text.split(separator: "\r\n")[row + 1].split(separator: ",", omittingEmptySubsequences: false)[region + 1]
    }
    #expect(cell(codes) == "\(code)")
    #expect(cell(labelled) == "\(label)")
  }
}
