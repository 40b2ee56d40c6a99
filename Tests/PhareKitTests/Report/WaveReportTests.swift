import Foundation
import Testing

@testable import PhareKit

/// report.html of a small wave whose labels hold markup: everything escaped, a suppressed
/// region's estimate nowhere in the file, regions without respondents shown as such.
@Suite struct WaveReportTests {
  /// Region 11 has 10 respondents (published), 53 has 6 (low base under 8), 94 has 3 (suppressed
  /// under 4); the other ten regions none.
  /// `codes` replace the INSEE codes 11, 53 and 94 (a codebook whose region codes are others).
  static func writeWave(into folder: TemporaryFolder, codes: [String] = ["11", "53", "94"]) throws -> String {
    try folder.write(
      "codebook.yml",
      """
      variables:
        id: {type: identifier}
        region:
          type: single
          label: Région
          values: {\(codes[0]): "Île-de-France <u>", \(codes[1]): Bretagne, \(codes[2]): "Corse & \\"îles\\""}
        q:
          type: single
          label: "<script>console.error('injecté')</script> Q & R"
          values: {1: "Oui <i>", 2: Non}

      """)
    try folder.write(
      "population.csv",
      "variable,category,total\nregion,\(codes[0]),600\nregion,\(codes[1]),300\nregion,\(codes[2]),100\n")
    let answers = [(codes[0], "1112112121"), (codes[1], "111112"), (codes[2], "122")]
    var lines = ["id,region,q"]
    for (region, codes) in answers {
      for (index, code) in codes.enumerated() { lines.append("\(region)-\(index),\(region),\(code)") }
    }
    try folder.write("waves/w2025.csv", lines.joined(separator: "\n") + "\n")
    let pipeline = try Pipeline.load(
      try folder.write(
        "pipeline.yml",
        """
        survey: test
        title: "Test <em>"
        inputs: {folder: waves, wave: {file_name: "w(\\\\d{4})"}}
        codebook: codebook.yml
        populations: population.csv
        weight: {method: post-stratification, margins: [region]}
        estimate:
          variables: [q]
          breakdowns: [region]
          min_base: {flag: 8, suppress: 4}
          tables:
            - {name: q, variable: q, columns: [region]}
        headlines:
          - {variable: q, category: 1}

        """))
    var results = try PipelineRunner(pipeline: pipeline).run(through: .estimate)
    #expect(results.allSatisfy { !$0.failed }, "\(results.compactMap(\.problem))")
    try StageOutputs.write(&results, pipeline: pipeline, to: folder.path + "/out", labels: false)
    return folder.path + "/out/2025"
  }

  @Test func labelsAreEscapedAndASuppressedEstimateIsNotInTheFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let wave = try Self.writeWave(into: folder)
    let html = try String(contentsOfFile: wave + "/report.html", encoding: .utf8)
    #expect(!html.contains("<script") && !html.contains("<u>") && !html.contains("<i>") && !html.contains("<em>"))
    #expect(html.contains("Île-de-France &lt;u&gt;"))
    #expect(html.contains("&lt;script&gt;console.error(&#39;injecté&#39;)&lt;/script&gt; Q &amp; R"))
    #expect(html.contains("Corse &amp; &quot;îles&quot;") && html.contains("Oui &lt;i&gt;"))
    #expect(html.contains("<title>Test &lt;em&gt; — vague 2025</title>"))
    let manifest = try JSONDecoder().decode(
      RunManifest.self, from: Data(contentsOf: URL(fileURLWithPath: wave + "/manifest.json")))
    #expect(manifest.files?["report.html"] == html.utf8.count)

    let audit = CSVText.records(try String(contentsOfFile: wave + "/indicators-audit.csv", encoding: .utf8))
    let corsica = try #require(
      audit.first { $0["breakdown_value"] == "94" && $0["variable"] == "q" && $0["category"] == "1" })
    #expect(corsica["flags"]!.contains("suppressed") && corsica["estimate"] == "0.3333333333333333")
    // Corsica's weights are 33.3 each, not a percentage.
    #expect(!html.contains("0.3333333333") && !html.contains("33,3\u{A0}%"))

    let tiles = ReportTiles(html: html).byRegion
    #expect(tiles.count == 13)
    #expect(tiles["94"]?.attributes["data-state"] == "suppressed" && tiles["94"]?.attributes["data-n"] == "3")
    #expect(tiles["94"]?.attributes["data-estimate"] == nil && tiles["94"]?.texts == ["Corse", "non publié", "n = 3"])
    #expect(tiles["53"]?.hatched == true && tiles["53"]?.texts[1] == "83,3\u{A0}%")
    #expect(tiles["11"]?.hatched == false && tiles["11"]?.texts[1] == "70,0\u{A0}%")
    #expect(tiles.filter { $0.value.attributes["data-state"] == "none" }.count == 10)
  }

  /// The weighting section gives the wave's design effect of weighting and effective n.
  @Test func theWeightingSectionGivesTheDesignEffectAndEffectiveN() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let wave = try Self.writeWave(into: folder)
    let html = try String(contentsOfFile: wave + "/report.html", encoding: .utf8)
    let all = try #require(
      CSVText.records(try String(contentsOfFile: wave + "/weighting.csv", encoding: .utf8)).first)
    let deff = try #require(Double(all["kish_deff"]!)), effective = try #require(Double(all["effective_n"]!))
    #expect(deff > 1)
    #expect(html.contains("(Kish, 1 + CV²) : \(FrenchNumber.decimal(deff, 3)) ; n effectif : "))
    #expect(html.contains("n effectif : \(FrenchNumber.decimal(effective, 1)) sur 19 répondants"))
    // One row per margin category after Ensemble, as weighting.csv.
    #expect(html.contains("<th scope=\"row\">region</th><th scope=\"row\">Bretagne</th><td>6</td>"))
  }

  /// A shipped spec's text with its paths made absolute, to be edited and written elsewhere.
  static func shipped(_ name: String) throws -> String {
    let pipelines = Fixtures.repository + "/Pipelines/"
    return try String(contentsOfFile: Fixtures.pipelines(name), encoding: .utf8)
      .replacingOccurrences(of: "../Fixtures/", with: Fixtures.repository + "/Fixtures/")
      .replacingOccurrences(of: "codebooks/", with: pipelines + "codebooks/")
      .replacingOccurrences(of: "domains: domaines.csv", with: "domains: \(pipelines)domaines.csv")
  }

  /// `report: {map: …}` colours the map by another indicator than the first headline: here the
  /// citizens' mean importance of the fifth domain (0–10), not a headline, printed with two decimals.
  @Test func theSpecsReportMapChoosesTheMapsIndicator() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec =
      try Self.shipped("citoyens.yml")
      .replacingOccurrences(of: "files: \"citoyens-*.csv\"", with: "files: \"citoyens-2015.csv\"")
      + "report:\n  map: {variable: importance_05}\n"
    let pipeline = try Pipeline.load(try folder.write("citoyens.yml", spec))
    #expect(
      pipeline.spec.report.map
        == Headline(variable: "importance_05", category: nil, line: pipeline.spec.report.map?.line))
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .estimate).first)
    let indicators = try #require(result.indicators)
    let html = WaveReport(result, pipeline: pipeline, indicators: indicators, tables: [], weighting: nil).html()
    let tiles = ReportTiles(html: html).byRegion
    let means = indicators.filter { $0.breakdown == "region" && $0.variable == "importance_05" }
    #expect(means.count == 13 && tiles.count == 13)
    for mean in means {
      let tile = try #require(tiles[mean.breakdownValue])
      #expect(tile.attributes["data-estimate"] == "\(mean.estimate)")
      #expect(tile.texts[1] == String(format: "%.2f", mean.estimate).replacingOccurrences(of: ".", with: ","))
    }
    // Its bar chart comes first, before the three headlines'.
    #expect(html.matches(of: /<svg id="barres-/).count == 4)
    let title = HTMLText.escape(try #require(means.first).title)
    #expect(
      html.contains("<svg id=\"barres-1\" class=\"barres\" role=\"img\" aria-label=\"Graphique : \(title), par région"))
  }

  /// Regions coded 1, 2, 3 with the labels of 11, 53 and 94: no tile shows another region's
  /// figures; the map is not drawn, the note says why, the data table stays.
  @Test func aRegionVariableNotCodedAsINSEEDrawsNoMap() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let html = try String(
      contentsOfFile: try Self.writeWave(into: folder, codes: ["1", "2", "3"]) + "/report.html", encoding: .utf8)
    #expect(!html.contains("class=\"carte\""))
    #expect(html.contains("Carte non dessinée : les codes de la variable region ne sont pas les codes INSEE"))
    #expect(html.contains("code 1 « Île-de-France &lt;u&gt; »"))
    #expect(html.contains("Données de la carte"))
    let insee = try String(contentsOfFile: try Self.writeWave(into: folder) + "/report.html", encoding: .utf8)
    #expect(insee.contains("class=\"carte\"") && !insee.contains("Carte non dessinée"))
  }

  /// An item of a multiple-response set held in one cell (the mayors' Q8, items `q8_<code>` as in
  /// indicators.csv) can be the map and a headline.
  @Test func anItemOfASetHeldInOneCellCanBeMappedAndHeadlined() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec =
      try Self.shipped("institutions.yml")
      .replacingOccurrences(of: "headlines:\n", with: "headlines:\n  - {variable: q8_4}\n")
      + "report:\n  map: {variable: q8_4}\n"
    let pipeline = try Pipeline.load(try folder.write("institutions.yml", spec))
    #expect(pipeline.spec.headlines.first?.variable == "q8_4")
    let wave = try #require(pipeline.waves.last)
    let one = Pipeline(spec: pipeline.spec, codebook: pipeline.codebook, domains: pipeline.domains, waves: [wave])
    let result = try #require(try PipelineRunner(pipeline: one).run(through: .estimate).first)
    let indicators = try #require(result.indicators)
    let html = WaveReport(result, pipeline: one, indicators: indicators, tables: [], weighting: nil).html()
    let tiles = ReportTiles(html: html).byRegion
    let shares = indicators.filter { $0.breakdown == "region" && $0.variable == "q8_4" && $0.statistic == .proportion }
    #expect(shares.count == 13 && tiles.count == 13)
    for share in shares where !share.isSuppressed {
      #expect(tiles[share.breakdownValue]?.attributes["data-estimate"] == "\(share.estimate)")
    }
  }

  @Test func numbersAreWrittenTheFrenchWay() {
    #expect(FrenchNumber.percent(0.714657864635903) == "71,5\u{A0}%")
    #expect(FrenchNumber.percent(0.05, 0) == "5\u{A0}%")
    #expect(FrenchNumber.decimal(7.099532715604079, 2) == "7,10")
    #expect(FrenchNumber.integer(35795) == "35\u{202F}795" && FrenchNumber.integer(304) == "304")
    #expect(FrenchNumber.integer(1_234_567) == "1\u{202F}234\u{202F}567")
    #expect(FrenchNumber.interval(0.661, 0.7628, .proportion) == "[66,1\u{A0}% ;\u{A0}76,3\u{A0}%]")
    #expect(FrenchNumber.plain((1 - 0.95) * 100) == "5" && FrenchNumber.plain(97.5) == "97,5")
    #expect(
      HTMLText.escape("<a href=\"x\">l'été & co</a>") == "&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;")
  }
}
