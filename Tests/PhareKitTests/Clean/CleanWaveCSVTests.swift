import Testing

@testable import PhareKit

/// clean.csv formatted in parts at once is the same bytes as in one pass, in every locale, with
/// codes or labels.
@Suite struct CleanWaveCSVTests {
  @Test func partsFormattedAtOnceJoinToTheSinglePassBytes() {
    let wave = SyntheticSurvey(rows: 30_001, seed: 7).wave
    for locale in CSVLocale.allCases {
      for labels in [false, true] {
        let single = wave.cleanCSV(labels: labels, locale: locale, parts: 1)
        #expect(wave.cleanCSV(labels: labels, locale: locale, parts: 3) == single, "\(locale) labels \(labels)")
        #expect(wave.cleanCSV(labels: labels, locale: locale) == single, "\(locale) labels \(labels)")
        // A header and one line per respondent, each ending in CRLF.
        #expect(single.split(separator: 0x0A).count == 30_002)
        #expect(single.suffix(2) == [0x0D, 0x0A])
      }
    }
  }
}
