import Foundation
import Testing

@testable import PhareKit

/// report.html opened in a real browser, headless Chromium: no console message, no request
/// leaving the file, the 13 region tiles holding what indicators.csv holds, a screenshot that is
/// not blank.
@Suite(.serialized) struct ReportBrowserTests {
  /// Runs a shipped pipeline's stages and writes its outputs into a temporary folder.
  private static func outputs(of spec: String) throws -> TemporaryFolder {
    let pipeline = try Pipeline.load(Fixtures.pipelines(spec))
    var results = try PipelineRunner(pipeline: pipeline).run(through: .estimate)
    #expect(results.allSatisfy { !$0.failed }, "\(results.compactMap(\.problem))")
    let folder = try TemporaryFolder()
    try StageOutputs.write(&results, pipeline: pipeline, to: folder.path, labels: false)
    return folder
  }

  /// indicators.csv's regional rows of one variable and category, by region code.
  private static func regional(_ folder: String, variable: String, category: String) throws -> [String: [String:
    String]]
  {
    let records = CSVText.records(try String(contentsOfFile: folder + "/indicators.csv", encoding: .utf8))
    let rows = records.filter {
      $0["breakdown"] == "region" && $0["variable"] == variable && $0["category"] == category
    }
    return Dictionary(uniqueKeysWithValues: rows.map { ($0["breakdown_value"]!, $0) })
  }

  @Test func theCitizensReportShowsIndicatorsCSVOnItsThirteenRegionsWithNoRequestOrConsoleMessage() throws {
    let folder = try Self.outputs(of: "citoyens.yml")
    defer { folder.remove() }
    let wave = folder.path + "/2016"
    let report = wave + "/report.html"
    let load = try Chromium.load(report)
    #expect(load.consoleMessages == [])
    #expect(load.externalRequests == [])
    #expect(load.dom.contains("<html lang=\"fr\">"))
    // The map shows the first headline, alliances = 1 (« Oui »).
    let expected = try Self.regional(wave, variable: "alliances", category: "1")
    let tiles = ReportTiles(html: load.dom).byRegion
    let codes = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]
    #expect(tiles.keys.sorted() == codes && expected.keys.sorted() == codes)
    for code in codes {
      let tile = try #require(tiles[code]), row = try #require(expected[code])
      let estimate = try #require(Double(row["estimate"]!))
      #expect(tile.attributes["data-state"] == "published", "\(code)")
      #expect(tile.attributes["data-estimate"].flatMap(Double.init) == estimate, "\(code)")
      #expect(tile.attributes["data-lower"].flatMap(Double.init) == Double(row["ci_lower"]!), "\(code)")
      #expect(tile.attributes["data-upper"].flatMap(Double.init) == Double(row["ci_upper"]!), "\(code)")
      #expect(tile.attributes["data-n"] == row["n"], "\(code)")
      // Printed as a percentage with one decimal and a decimal comma.
      let printed = String(format: "%.1f", estimate * 100).replacingOccurrences(of: ".", with: ",") + "\u{A0}%"
      #expect(tile.texts.count == 4 && tile.texts[1] == printed, "\(code): \(tile.texts)")
      #expect(tile.texts.last == "n = \(row["n"]!)", "\(code)")
      #expect(tile.hatched == row["flags"]!.contains("low-base"), "\(code)")
    }
    // Every chart is an image with a name, and has a data table.
    let charts = load.dom.matches(of: /<svg [^>]*>/).map { String($0.output) }
    #expect(charts.count >= 4)
    #expect(charts.allSatisfy { $0.contains("role=\"img\"") && $0.contains("aria-label=\"") })
    #expect(load.dom.matches(of: /<table class="donnees">/).count == charts.count)

    // Each cross-table's body rows hold tables/<name>.csv's cells: the value with a decimal comma
    // and its mark, then the letters of the columns it is above.
    let tableFiles = try FileManager.default.contentsOfDirectory(atPath: wave + "/tables").sorted()
    #expect(tableFiles == ["alliances-innovation.csv", "coconstruction.csv", "importance.csv"])
    #expect(load.dom.matches(of: /<table class="croise">/).count == tableFiles.count)
    var compared = 0
    for file in tableFiles {
      let rows = CSVText.rows(try String(contentsOfFile: wave + "/tables/" + file, encoding: .utf8))
      for row in rows where row.count > 3 && Double(row[1].split(separator: " ").first ?? "") != nil {
        var expected = [row[1]]
        for index in stride(from: 2, to: row.count - 1, by: 2) {
          let letters: String = row[index + 1].isEmpty ? "" : " " + row[index + 1]
          expected.append(row[index] + letters)
        }
        let cells = try #require(
          ReportTiles.tableRow(row[0], captioned: rows[0][0], in: load.dom), "\(file): \(row[0])")
        #expect(cells == expected.map { $0.replacingOccurrences(of: ".", with: ",") }, "\(file): \(row[0])")
        compared += 1
      }
    }
    // 2 answers, 16 items, 16 domains, and two base rows per table.
    #expect(compared == 2 + 16 + 16 + 3 * 2)

    let png = folder.path + "/report.png"
    try Chromium.screenshot(report, to: png)
    let colours = try ScreenshotColours(png: png)
    #expect(colours.distinct > 200, "\(colours.distinct) colours")
    #expect(colours.commonestShare < 0.9, "\(colours.commonestShare) of the page is one colour")
  }

  /// The mayors' regions all have fewer than 30 respondents but Grand Est: their tiles are hatched.
  @Test func theMayorsLowBaseRegionsAreHatched() throws {
    let folder = try Self.outputs(of: "institutions.yml")
    defer { folder.remove() }
    let wave = folder.path + "/2016"
    let load = try Chromium.load(wave + "/report.html")
    #expect(load.consoleMessages == [] && load.externalRequests == [])
    let expected = try Self.regional(wave, variable: "q3", category: "1")
    let tiles = ReportTiles(html: load.dom).byRegion
    #expect(tiles.count == 13)
    let lowBase = expected.filter { $0.value["flags"]!.split(separator: ";").contains("low-base") }.keys.sorted()
    #expect(lowBase.count == 12 && !lowBase.contains("44"))
    #expect(tiles.filter(\.value.hatched).keys.sorted() == lowBase)
    for (code, tile) in tiles {
      #expect(tile.attributes["data-estimate"].flatMap(Double.init) == Double(expected[code]!["estimate"]!))
      #expect(tile.texts.last!.hasSuffix(lowBase.contains(code) ? " · base faible" : "n = 31"))
    }
  }

  /// A label holding `<script>` is text in the browser: no console message, the label shown as written.
  @Test func aLabelHoldingAScriptIsShownAndNotRun() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let load = try Chromium.load(try WaveReportTests.writeWave(into: folder) + "/report.html")
    #expect(load.consoleMessages == [] && load.externalRequests == [])
    #expect(load.dom.contains("&lt;script&gt;console.error('injecté')&lt;/script&gt; Q &amp; R"))
    #expect(!load.dom.contains("<script"))
    let tiles = ReportTiles(html: load.dom).byRegion
    #expect(tiles["94"]?.attributes["data-state"] == "suppressed" && tiles["53"]?.hatched == true)
  }

  /// The runner's own checks can fail: a page with a script and an image from the network.
  @Test func theRunnerSeesConsoleMessagesAndRequestsLeavingTheFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let page = try folder.write(
      "page.html",
      "<!DOCTYPE html><html><body><img src=\"http://phare.invalid/logo.png\"><img src=\"data:,x\">"
        + "<script>console.error('boom')</script></body></html>")
    let load = try Chromium.load(page)
    #expect(load.consoleMessages.count == 1 && load.consoleMessages[0].contains("boom"))
    #expect(load.externalRequests == ["http://phare.invalid/logo.png"])
    // A blank page's screenshot is one colour.
    let blank = try folder.write("blank.html", "<!DOCTYPE html><html><body></body></html>")
    try Chromium.screenshot(blank, to: folder.path + "/blank.png", width: 400, height: 300)
    let colours = try ScreenshotColours(png: folder.path + "/blank.png")
    #expect(colours.distinct == 1 && colours.commonestShare == 1)
  }
}
