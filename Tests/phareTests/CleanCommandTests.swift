import Foundation
import TestSupport
import Testing

/// `phare validate` and `phare clean` as cron and a data scientist run them.
@Suite struct CleanCommandTests {
  private static let repository = PhareProcess.fixtures + "../../../"
  private static let testPipeline = PhareProcess.fixtures + "../clean/institutions.yml"

  /// Values of the personal-data columns of the dirty fixture: none may leave the clean stage.
  private static func personalValues() throws -> [String] {
    let text = try String(
      contentsOfFile: PhareProcess.fixtures + "../clean/waves/maires-2016.csv", encoding: .utf8)
    let rows = text.split(whereSeparator: \.isNewline).dropFirst().map {
      $0.split(separator: ";", omittingEmptySubsequences: false)
    }
    return rows.flatMap { $0[1...4].map(String.init) }
  }

  private func outputFolder() -> String {
    NSTemporaryDirectory() + "phare-clean-" + UUID().uuidString
  }

  @Test func validateAcceptsTheShippedPipeline() throws {
    let run = try PhareProcess.run("validate", Self.repository + "Pipelines/institutions.yml")
    #expect(run.status == 0)
    #expect(run.stdout.contains("ok — 31 variables, waves 2015, 2016, 2017"))
  }

  @Test func validateListsEveryProblemAndFails() throws {
    let folder = outputFolder()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let spec = folder + "/bad.yml"
    try "survey: x\ninputs: {folder: nowhere}\ncodebook: none.yml\nweigth: raking\n".write(
      toFile: spec, atomically: true, encoding: .utf8)
    let run = try PhareProcess.run("validate", spec)
    #expect(run.status == 1)
    let lines = run.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains("\(spec):4: unknown key 'weigth' in the pipeline; did you mean 'weight'?"))
    #expect(lines.contains("\(folder)/none.yml: no such file"))
    #expect(lines.contains("\(spec):1: the pipeline has no weight (or design) section, which phare run needs"))
    #expect(lines.contains("\(spec):1: the pipeline has no estimate section, which phare run needs"))
    #expect(lines.last == "5 problem(s) in 2 file(s)")
  }

  @Test func cleanWritesTheStageContractWithoutPersonalData() throws {
    let out = outputFolder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try PhareProcess.run("clean", Self.testPipeline, "--out", out, "--labels")
    #expect(run.status == 0)
    #expect(run.stdout.contains("wave 2016: 40 read = 32 clean + 8 quarantined"))
    let clean = try String(contentsOfFile: out + "/2016/clean.csv", encoding: .utf8)
    let quarantine = try String(contentsOfFile: out + "/quarantine.csv", encoding: .utf8)
    let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
    #expect(CSVText.rows(clean).count == 33)
    #expect(clean.contains("\"'=HYPERLINK(\"\"http://exemple.fr\"\")\""))
    #expect(clean.contains("Oui, tout à fait, cela est ancré dans le fonctionnement du territoire"))
    #expect(CSVText.rows(quarantine).count == 9)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])
    let wave = try #require((object["waves"] as? [[String: Any]])?.first)
    #expect(wave["rowsRead"] as? Int == 40)
    #expect(wave["rowsClean"] as? Int == 32)
    #expect(wave["rowsQuarantined"] as? Int == 8)
    #expect(wave["balanced"] as? Bool == true)
    let personal = try Self.personalValues()
    #expect(personal.count == 160)
    for value in personal where !value.isEmpty {
      for (name, text) in [
        ("clean.csv", clean), ("quarantine.csv", quarantine), ("manifest", manifest), ("stdout", run.stdout),
        ("stderr", run.stderr),
      ] {
        #expect(!text.contains(value), "\(value) leaked into \(name)")
      }
    }
  }

  @Test func aWaveAboveTheQuarantineThresholdFailsAndTheOthersStillRun() throws {
    let folder = outputFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/waves", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: PhareProcess.fixtures + "../clean/waves/maires-2016.csv", toPath: folder + "/waves/maires-2016.csv")
    try FileManager.default.copyItem(
      atPath: Self.repository + "Fixtures/institutions/maires-2016.csv", toPath: folder + "/waves/maires-2015.csv")
    let codebook = PhareProcess.fixtures + "../clean/codebook.yml"
    try """
    survey: institutions
    inputs: {folder: waves, files: "maires-*.csv", wave: {file_name: "maires-(\\\\d{4})"}}
    codebook: \(codebook)
    """.write(toFile: folder + "/spec.yml", atomically: true, encoding: .utf8)
    let run = try PhareProcess.run("clean", folder + "/spec.yml", "--out", folder + "/out")
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "wave 2016: 17.5% of rows quarantined, above the threshold of 5.0% (clean.unknown-answer 2, clean.duplicate-id 1, "
          + "clean.out-of-range 1, clean.required 1, clean.unknown-code 1, ingest.field-count 1)"
      ))
    #expect(FileManager.default.fileExists(atPath: folder + "/out/2015/clean.csv"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/2016/clean.csv"))
    let manifest = try String(contentsOfFile: folder + "/out/manifest.json", encoding: .utf8)
    #expect(manifest.contains("\"status\" : \"failed\""))
    #expect(manifest.contains("\"status\" : \"ok\""))
  }
}

/// `phare validate` and `phare clean` on exports as French spreadsheets write them (issue 12).
@Suite struct RealWorldExportCommandTests {
  /// A folder with a spec, a codebook (the region read from `REGION` or `region`) and the given exports.
  private func folder(_ exports: [String: String]) throws -> String {
    let folder = NSTemporaryDirectory() + "phare-export-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
    try """
    survey: t
    inputs: {folder: in, wave: {file_name: "vague-(\\\\d{4})"}}
    codebook: codebook.yml
    populations: populations.csv
    weight: {method: post-stratification, margins: [region]}
    estimate: {variables: [montant]}

    """.write(toFile: folder + "/spec.yml", atomically: true, encoding: .utf8)
    try "variable,category,total\nregion,1,100\nregion,2,100\n".write(
      toFile: folder + "/populations.csv", atomically: true, encoding: .utf8)
    try """
    variables:
      id: {type: identifier}
      region: {type: single, source: [REGION, region], values: {1: Nord, 2: Sud}}
      montant: {type: numeric}

    """.write(toFile: folder + "/codebook.yml", atomically: true, encoding: .utf8)
    for (name, text) in exports {
      try text.write(toFile: folder + "/in/" + name, atomically: true, encoding: .utf8)
    }
    return folder
  }

  @Test func longIdsAndGroupedNumbersComeOutAsWritten() throws {
    let export =
      "\u{FEFF}id;region;montant\r\n12345678901234567890;1;1\u{202F}200\r\n12345678901234567891;2;1 234\r\n"
      + "1000000000000001;1;2.500.000\r\n12345678901234567892;2;1,500\r\n"
    let folder = try folder(["vague-2024.csv": export])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try PhareProcess.run("clean", folder + "/spec.yml", "--out", folder + "/out")
    // One row in four quarantined is above the default threshold of 5%: the wave fails, exit 2.
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "wave 2024: 25.0% of rows quarantined, above the threshold of 5.0% (clean.ambiguous-number 1)"))
    let quarantine = try String(contentsOfFile: folder + "/out/quarantine.csv", encoding: .utf8)
    #expect(
      CSVText.rows(quarantine).dropFirst().map { Array($0[2...]) } == [
        [
          "5", "12345678901234567892", "clean.ambiguous-number",
          "montant: '1,500' is ambiguous: 1.500 with a decimal comma or 1500 with a thousands separator; "
            + "write thousands with a space (1 234) or none (1234)",
          "1,500", "",
        ]
      ])

    try export.replacingOccurrences(of: "2;1,500", with: "2;1 500").write(
      toFile: folder + "/in/vague-2024.csv", atomically: true, encoding: .utf8)
    let fixed = try PhareProcess.run("clean", folder + "/spec.yml", "--out", folder + "/out")
    #expect(fixed.status == 0)
    #expect(fixed.stdout.contains("wave 2024: 4 read = 4 clean + 0 quarantined"))
    let clean = try String(contentsOfFile: folder + "/out/2024/clean.csv", encoding: .utf8)
    #expect(
      CSVText.rows(clean) == [
        ["line", "id", "region", "montant"],
        ["2", "12345678901234567890", "1", "1200"],
        ["3", "12345678901234567891", "2", "1234"],
        ["4", "1000000000000001", "1", "2500000"],
        ["5", "12345678901234567892", "2", "1500"],
      ])
    let weight = try PhareProcess.run("weight", folder + "/spec.yml", "--out", folder + "/weighted")
    #expect(weight.status == 0)
    let weights = try String(contentsOfFile: folder + "/weighted/2024/weights.csv", encoding: .utf8)
    #expect(
      CSVText.rows(weights).dropFirst().map { Array($0[0...1]) } == [
        ["2", "12345678901234567890"], ["3", "12345678901234567891"], ["4", "1000000000000001"],
        ["5", "12345678901234567892"],
      ])
  }

  @Test func twoSourcesOfOneVariableAreReportedByValidateAndFailTheWave() throws {
    let folder = try folder([
      "vague-2023.csv": "id;region;montant\r\n1;1;10\r\n",
      "vague-2024.csv": "id;REGION;region;montant\r\n1;1;2;10\r\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let line =
      "\(folder)/in/vague-2024.csv:1: columns 'REGION' and 'region' are both sources of variable 'region': "
      + "keep one of them in the export"
    let validate = try PhareProcess.run("validate", folder + "/spec.yml")
    #expect(validate.status == 1)
    #expect(validate.stderr.split(separator: "\n").map(String.init).contains(line))
    let clean = try PhareProcess.run("clean", folder + "/spec.yml", "--out", folder + "/out")
    #expect(clean.status == 2)
    #expect(clean.stderr.contains(line))
    #expect(FileManager.default.fileExists(atPath: folder + "/out/2023/clean.csv"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/2024/clean.csv"))
  }
}

/// `phare weight` on the shipped PHARE-Institutions pipeline.
@Suite struct WeightCommandTests {
  @Test func weightWritesWeightsAndDiagnostics() throws {
    let out = NSTemporaryDirectory() + "phare-weight-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try PhareProcess.run(
      "weight", PhareProcess.fixtures + "../../../Pipelines/institutions.yml", "--out", out)
    #expect(run.status == 0)
    #expect(run.stdout.contains("wave 2016: 311 read = 304 clean + 7 quarantined"))
    #expect(run.stdout.contains("weighted 304 by post-stratification in 1 iteration(s)"))
    let weights = try String(contentsOfFile: out + "/2016/weights.csv", encoding: .utf8)
    let rows = CSVText.rows(weights).dropFirst()
    #expect(rows.count == 304)
    #expect(abs(rows.reduce(0) { $0 + Double($1[3])! } - 35_795) < 1e-6)
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        as? [String: Any])
    let wave = try #require((manifest["waves"] as? [[String: Any]])?.first { $0["wave"] as? String == "2016" })
    let weighting = try #require(wave["weighting"] as? [String: Any])
    #expect(weighting["populationTotal"] as? Double == 35_795)
    #expect(weighting["collapsed"] as? [String] == [])
    #expect((weighting["kishDesignEffect"] as? Double ?? 0) > 1)
  }

  @Test func aPipelineWithoutWeightSectionCannotWeight() throws {
    let out = NSTemporaryDirectory() + "phare-weight-" + UUID().uuidString
    let run = try PhareProcess.run("weight", PhareProcess.fixtures + "../clean/institutions.yml", "--out", out)
    #expect(run.status == 1)
    #expect(run.stderr.contains("the pipeline has no weight (or design) section"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
