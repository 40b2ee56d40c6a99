import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// `tables.xlsx` as openpyxl reads it, checked against `indicators.csv` and `comparisons.csv` of
/// the same wave, never against phare's own table model: every value cell is the indicator's
/// estimate (a number, proportions 0–1 with a percent format, 1e-15 relative: Excel keeps 15–17
/// digits), every mark and letter follows the indicator's flags and the significant column
/// tests, every base is the indicator's, and the index sheet links every table's sheet.
@Suite struct TablesWorkbookTests {
  struct Wave: Sendable, CustomTestStringConvertible {
    var pipeline: String
    var wave: String
    var locale: CSVLocale
    var testDescription: String { "\(pipeline) \(wave) (\(locale.rawValue))" }
  }

  static let waves = [
    Wave(pipeline: "institutions.yml", wave: "2016", locale: .french),
    Wave(pipeline: "citoyens.yml", wave: "2015", locale: .rfc4180),
  ]

  /// Writes the wave's outputs; returns its folder (inside `folder`) and the spec.
  static func write(_ wave: Wave, into folder: TemporaryFolder) throws -> (String, EstimationSpec) {
    let shipped = try Pipeline.load(Fixtures.pipelines(wave.pipeline))
    let pipeline = Pipeline(
      spec: shipped.spec, codebook: shipped.codebook, domains: shipped.domains,
      waves: shipped.waves.filter { $0.wave == wave.wave })
    var results = try PipelineRunner(pipeline: pipeline).run(through: .estimate)
    try #require(results.count == 1 && !results[0].failed, "\(results.compactMap(\.problem))")
    try StageOutputs.write(
      &results, pipeline: pipeline, to: folder.path, labels: false, csvLocale: wave.locale,
      generatedAt: Date(timeIntervalSince1970: 1_750_000_000))
    return (folder.path + "/" + wave.wave, try #require(shipped.spec.estimate))
  }

  static func records(_ path: String, locale: CSVLocale) throws -> [[String: String]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return locale == .french
      ? CSVText.records(String(text.drop { $0 == "\u{FEFF}" }), separator: ";").map { record in
        // Decimal commas in the numbers read here; labels keep theirs.
        record.merging(
          ["estimate", "weighted_n", "difference"].compactMap { key in
            record[key].map { (key, $0.replacingOccurrences(of: ",", with: ".")) }
          }, uniquingKeysWith: { $1 })
      }
      : CSVText.records(text)
  }

  @Test(arguments: waves)
  func everyNumberMarkLetterAndBaseIsTheIndicatorsAsOpenpyxlReadsThem(_ wave: Wave) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (out, spec) = try Self.write(wave, into: folder)
    let sheets = try OpenPyXL.read(out + "/tables.xlsx")
    #expect(sheets.map(\.name) == ["Sommaire"] + spec.tables.map(\.name))
    let indicators = try Self.records(out + "/indicators-audit.csv", locale: wave.locale)
      .filter { $0["statistic"] != "total" }
    let tests = try Self.records(out + "/comparisons.csv", locale: wave.locale).filter { $0["significant"] == "1" }
    let percent = wave.locale == .french ? "0.0\\ %" : "0.0%"
    var checkedValues = 0
    for (table, sheet) in zip(spec.tables, sheets.dropFirst()) {
      let header = try #require(sheet.rows.indices.first { sheet.cell($0, 1)?.text == "Ensemble" })
      #expect(sheet.cell(0, 0)?.text == table.title)
      #expect(sheet.frozenAt == "B\(header + 3)")
      let columns = (1..<(sheet.rows[header].count)).compactMap { column in
        sheet.cell(header, column)?.text.map { (column: column, label: $0) }
      }
      let ownVariables = indicators.compactMap { $0["variable"] }.filter { name in
        (table.variables + table.nets).contains { name == $0 || name.hasPrefix($0 + "_") }
      }
      let inTable = indicators.filter { ownVariables.contains($0["variable"] ?? "") }
      var row = header + 2
      var firstRowIndicators: [[String: String]] = []
      var rowsBases: [[Int]] = []
      while let label = sheet.cell(row, 0)?.text, !label.hasPrefix("Base") {
        let national = inTable.filter { indicator in
          indicator["breakdown"] == "national"
            && [indicator["category_label"], indicator["variable_label"], indicator["domain_label"]].contains(label)
            || indicator["breakdown"] == "national" && indicator["variable_label"]?.hasSuffix(" : " + label) == true
            || indicator["breakdown"] == "national" && indicator["statistic"] == "mean" && label == "Moyenne"
        }
        try #require(national.count == 1, "\(sheet.name) row '\(label)': \(national.count) indicators match")
        var bases: [Int] = []
        for (column, columnLabel) in columns {
          let indicator = try #require(
            inTable.first {
              $0["variable"] == national[0]["variable"] && $0["category"] == national[0]["category"]
                && (column == 1 ? $0["breakdown"] == "national" : $0["breakdown_label"] == columnLabel)
            }, "\(sheet.name) '\(label)' × '\(columnLabel)'")
          if firstRowIndicators.count < columns.count { firstRowIndicators.append(indicator) }
          let n = Int(indicator["n"] ?? "") ?? -1
          bases.append(n)
          let flags = (indicator["flags"] ?? "").split(separator: ";").map(String.init)
          let value = sheet.cell(row, column)
          let mark = sheet.cell(row, column + 1)?.text
          if flags.contains("empty") {
            #expect(value == nil && mark == nil)
            continue
          }
          if flags.contains("suppressed") {
            #expect(value == nil && mark == "*", "\(sheet.name) '\(label)' × '\(columnLabel)'")
            continue
          }
          let estimate = try #require(Double(indicator["estimate"] ?? ""))
          let cell = try #require(value?.number, "\(sheet.name) '\(label)' × '\(columnLabel)': no number")
          #expect(abs(cell - estimate) <= 1e-15 * abs(estimate), "\(sheet.name) '\(label)' × '\(columnLabel)'")
          #expect(value?.format == (indicator["statistic"] == "mean" ? "0.00" : percent))
          checkedValues += 1
          let lowBase = n < spec.flagBelow
          let expectedMark =
            lowBase
            ? "!" : flags.contains("above-national") ? "H" : flags.contains("below-national") ? "B" : nil
          #expect(mark == expectedMark, "\(sheet.name) '\(label)' × '\(columnLabel)'")
          guard column > 1 else { continue }
          // The letters: the columns of the same breakdown this one is significantly above.
          let above = tests.compactMap { test -> String? in
            guard test["variable"] == indicator["variable"], test["category"] == indicator["category"],
              test["breakdown"] == indicator["breakdown"], let difference = Double(test["difference"] ?? "")
            else { return nil }
            if test["first"] == indicator["breakdown_value"] && difference > 0 { return test["second"] }
            if test["second"] == indicator["breakdown_value"] && difference < 0 { return test["first"] }
            return nil
          }
          let letters = columns.compactMap { other -> String? in
            guard other.column > 1,
              let otherIndicator = inTable.first(where: {
                $0["variable"] == indicator["variable"] && $0["breakdown_label"] == other.label
                  && $0["breakdown"] == indicator["breakdown"]
              }),
              above.contains(otherIndicator["breakdown_value"] ?? "")
            else { return nil }
            return sheet.cell(header + 1, other.column)?.text?.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
          }
          #expect(
            (sheet.cell(row, column + 2)?.text ?? "") == letters.joined(),
            "\(sheet.name) '\(label)' × '\(columnLabel)'")
          if lowBase { #expect(letters.isEmpty) }
        }
        rowsBases.append(bases)
        row += 1
      }
      #expect(row > header + 2, "\(sheet.name): no row")
      // The bases: the first row's (a variable), or the smallest of the rows' (a grid).
      for (index, (column, _)) in columns.enumerated() {
        let expected = table.variables.count > 1 ? rowsBases.map { $0[index] }.min() : rowsBases.first?[index]
        #expect(sheet.cell(row, column)?.number == expected.map(Double.init), "\(sheet.name) base \(column)")
        #expect(sheet.cell(row, column)?.format == "#,##0")
        if table.variables.count == 1 {
          let weighted = Double(firstRowIndicators[index]["weighted_n"] ?? "") ?? .nan
          #expect(abs((sheet.cell(row + 1, column)?.number ?? .nan) - weighted) <= 1e-9 * weighted)
        }
      }
    }
    // citoyens: alliances 2, coconstruction 16 and importance 16 rows × 16 columns.
    #expect(checkedValues >= (wave.pipeline == "citoyens.yml" ? 544 : 30))
    let index = try #require(sheets.first)
    for (offset, table) in spec.tables.enumerated() {
      #expect(index.cell(4 + offset, 0)?.text == table.name)
      #expect(index.links["A\(5 + offset)"] == "'\(table.name)'!A1")
    }
  }

  @Test func sheetNamesAreCutToExcelsLengthAndMadeUniqueIgnoringCase() {
    let long = String(repeating: "a", count: 40)
    #expect(
      TablesWorkbook.sheetNames([long, long.uppercased(), "sommaire", "q4"]) == [
        String(repeating: "a", count: 31), String(repeating: "A", count: 29) + "~2", "sommaire~2", "q4",
      ])
  }
}
