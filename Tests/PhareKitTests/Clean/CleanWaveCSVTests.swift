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

  /// Every cell is the bytes `CSVWriter` writes for it: numbers with fractions, huge, tiny and not
  /// finite; negative and large codes; labels; text to quote or neutralise against formulas.
  @Test func everyCellIsWhatTheCSVWriterWrites() {
    let numbers: [Double?] = [1.5, nil, -0.0, 1e-8, 1e20, .nan, -.infinity, 123_456_789_012_345, 1.5, 0.1 + 0.2]
    let codes: [Int32?] = [1, 2, nil, -7, 10, Int32.max, Int32.min, 0, 9, 99]
    let texts: [String?] = ["R1", "=SUM(A1)", nil, "-12", "a,b", "a;b", "dit \"oui\"", "Évry", "ligne\nsuite", ""]
    let variables = [
      CleanVariable(name: "score", label: "", kind: .numeric, values: [], missingCodes: []),
      CleanVariable(
        name: "region", label: "", kind: .single,
        values: [ValueLabel(code: 1, label: "Île-de-France"), ValueLabel(code: 10, label: "=hors, liste")],
        missingCodes: [ValueLabel(code: 99, label: "Ne sait pas")]),
      CleanVariable(name: "comment", label: "", kind: .text, values: [], missingCodes: []),
    ]
    let columns: [Column] = [
      .numeric(NumericColumn(numbers)), .coded(CodedColumn(codes)), .text(TextColumn(values: texts)),
    ]
    let wave = CleanWave(
      wave: "w", file: "w.csv",
      table: ColumnarTable(
        schema: Schema(fields: zip(variables, columns).map { Schema.Field(name: $0.name, type: $1.type) }),
        columns: columns, rowCount: numbers.count),
      variables: variables, sourceLines: (0..<Int32(numbers.count)).map { $0 * 1_000 + 2 }, quarantined: [],
      rowsRead: numbers.count)
    for locale in CSVLocale.allCases {
      for labels in [false, true] {
        var expected = CSVWriter(locale: locale)
        expected.row([.text("line"), .text("score"), .text("region"), .text("comment")])
        for row in 0..<numbers.count {
          let code = codes[row].map(Int.init)
          let label = labels ? code.flatMap { variables[1].label(of: $0) } : nil
          expected.row([
            .integer(Int(wave.sourceLines[row])),
            numbers[row].map(CSVCell.number) ?? .empty,
            label.map(CSVCell.text) ?? code.map(CSVCell.integer) ?? .empty,
            texts[row].map(CSVCell.text) ?? .empty,
          ])
        }
        #expect(wave.cleanCSV(labels: labels, locale: locale).bytes == expected.bytes, "\(locale) labels \(labels)")
      }
    }
  }
}
