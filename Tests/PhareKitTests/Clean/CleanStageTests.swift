import Testing

@testable import PhareKit

/// The 40-mayor dirty wave (Tests/Fixtures/clean/make-mayors.py): exact quarantine and clean values.
@Suite struct CleanStageTests {
  private func cleanWave(dontKnow: DontKnowPolicy = .exclude) throws -> CleanWave {
    let pipeline = try Pipeline.load(Fixtures.clean("institutions.yml"))
    var settings = pipeline.spec.clean
    settings.dontKnow = dontKnow
    let stage = CleanStage(codebook: pipeline.codebook, settings: settings, waveSource: pipeline.spec.inputs.wave)
    let wave = try #require(pipeline.waves.first)
    return try stage.run(try CSVReader().read(wave.path), wave: wave)
  }

  /// The clean value of a variable on the row read from a given line of the export.
  private func value(_ wave: CleanWave, _ name: String, line: Int32) throws -> Double? {
    let row = try #require(wave.sourceLines.firstIndex(of: line), "no clean row from line \(line)")
    let column = try #require(wave.table[name], "no clean column \(name)")
    #expect(column.isNumeric, "\(name) holds neither numbers nor codes")
    return column.number(at: row)
  }

  @Test func everyRejectedRowIsQuarantinedWithItsRule() throws {
    let wave = try cleanWave()
    #expect(wave.wave == "2016")
    #expect(wave.rowsRead == 40)
    #expect(wave.rowsClean == 32)
    #expect(wave.rowsQuarantined == 8)
    #expect(wave.isBalanced)
    let rows = wave.quarantined.map { [String($0.line), $0.respondentID ?? "", $0.rule, $0.message, $0.value ?? ""] }
    #expect(
      rows == [
        ["5", "M1003", "clean.unknown-code", "q4: 7 is not one of its codes (1, 2, 3, 4; missing 9)", "7"],
        ["10", "M1008", "clean.out-of-range", "q2_03: 6 is outside 1-4", "6"],
        ["14", "M1012", "clean.required", "region is required but blank", ""],
        ["17", "", "ingest.field-count", "expected 19 fields as in the header, found 18", ""],
        ["22", "M1002", "clean.duplicate-id", "identifier already used by the row on line 4", "M1002"],
        ["27", "M1025", "consistency.q5-filtre", "q5 is answered although q4 = 4", ""],
        ["32", "M1030", "clean.unknown-answer", "q3: not a code or label of its answers", "Peut-être"],
        ["37", "M1035", "clean.unknown-answer", "taille: not a number", "abc"],
      ])
    #expect(wave.quarantined.allSatisfy { $0.wave == "2016" })
    #expect(wave.ruleCounts.first! == ("clean.unknown-answer", 2))
  }

  @Test func codesAreNormalisedAndLabelsMatchedWhateverCaseAndAccents() throws {
    let wave = try cleanWave()
    #expect(try value(wave, "q4", line: 3) == 1)  // " 1"
    #expect(try value(wave, "q4", line: 6) == 1)  // "01"
    #expect(try value(wave, "q4", line: 7) == 1)  // "1.0"
    // "oui, tout a fait, cela est ancre dans le fonctionnement du territoire"
    #expect(try value(wave, "q4", line: 8) == 1)
    #expect(try value(wave, "q4", line: 9) == 9)  // "Ne sait pas" is kept as its missing code
    #expect(try value(wave, "q3", line: 11) == 1)  // "OUI"
    #expect(try value(wave, "region", line: 2) == 53)
  }

  @Test func multipleResponsesBecomeOneItemPerCode() throws {
    let wave = try cleanWave()
    let items = ["q8_1", "q8_2", "q8_3", "q8_4", "q8_5"]
    #expect(try items.map { try value(wave, $0, line: 11) } == [1, 0, 1, 0, 0])  // "1|3"
    #expect(try items.map { try value(wave, $0, line: 12) } == [nil, nil, nil, nil, nil])  // "99": no answer
    #expect(
      wave.variable(named: "q8_3")?.label
        == "Rôle des collectivités pour développer des alliances en territoire (question ouverte codée) : Financer")
    #expect(try value(wave, "q1_associations", line: 3) == 1)
  }

  /// Coded answers take four bytes a row, scores and numbers eight.
  @Test func codedAnswersAreStoredAsCodes() throws {
    let wave = try cleanWave()
    let types = Dictionary(uniqueKeysWithValues: wave.table.schema.fields.map { ($0.name, $0.type) })
    #expect(
      types["q4"] == .coded && types["region"] == .coded && types["q8_3"] == .coded && types["q4_net_oui"] == .coded)
    #expect(types["q2_01"] == .numeric && types["taille"] == .numeric)
    #expect(types["id"] == .text && types["commentaire"] == .text)
  }

  @Test func personalDataNeverReachesTheCleanTable() throws {
    let wave = try cleanWave()
    let names = wave.table.schema.fields.map(\.name)
    for personal in ["nom", "telephone", "email", "commune", "NOM", "TEL", "EMAIL", "COMMUNE"] {
      #expect(!names.contains(personal))
    }
    #expect(names.first == "id")
  }

  @Test func derivedVariables() throws {
    let wave = try cleanWave()
    #expect(try value(wave, "q4_net_oui", line: 3) == 1)
    #expect(try value(wave, "q4_net_oui", line: 2) == 0)  // q4 = 3
    #expect(try value(wave, "q2_01_top2", line: 2) == 1)  // q2_01 = 2
    #expect(try value(wave, "taille_classe", line: 2) == 3)  // 14,419 inhabitants
    #expect(try value(wave, "taille_classe", line: 3) == 1)  // 1,882 inhabitants
    // region 53 (8th of 13) × urbain 2: combination 7 × 2 + 2 = 16.
    #expect(try value(wave, "region_urbain", line: 2) == 16)
    #expect(wave.variable(named: "region_urbain")?.label(of: 16) == "Bretagne × Urbaine")
  }

  @Test func dontKnowIsExcludedFromBasesByDefaultOrKeptAsACategory() throws {
    let excluded = try cleanWave(dontKnow: .exclude)
    let kept = try cleanWave(dontKnow: .category)
    // Line 9 answered « Ne sait pas » to q4; line 12 answered 9 to q2_01.
    #expect(try value(excluded, "q4_net_oui", line: 9) == nil)
    #expect(try value(kept, "q4_net_oui", line: 9) == 0)
    #expect(try value(excluded, "q2_01_top2", line: 12) == nil)
    #expect(try value(kept, "q2_01_top2", line: 12) == 0)
    let q4 = try #require(excluded.variable(named: "q4"))
    #expect(!q4.isInBase(9, dontKnow: .exclude))
    #expect(q4.isInBase(9, dontKnow: .category))
    #expect(q4.isInBase(4, dontKnow: .exclude))
  }
}

/// Wave ids read from a column instead of the file name.
@Suite struct WaveColumnTests {
  private func clean(_ export: String) throws -> CleanWave {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try folder.write(
      "spec.yml", "survey: t\ninputs: {folder: in, wave: {column: vague}}\ncodebook: codebook.yml\n")
    try folder.write(
      "codebook.yml", "variables:\n  id: {type: identifier}\n  q: {type: single, values: {1: Oui, 2: Non}}\n")
    try folder.write("in/export.csv", export)
    let pipeline = try Pipeline.load(spec)
    let wave = try #require(pipeline.waves.first)
    return try CleanStage(pipeline: pipeline).run(try CSVReader().read(wave.path), wave: wave)
  }

  @Test func theWaveIdComesFromTheColumn() throws {
    let wave = try clean("id,vague,q\n1,2017,1\n2,2017,Non\n")
    #expect(wave.wave == "2017")
    #expect(wave.rowsClean == 2)
    #expect(wave.table.schema.fields.map(\.name) == ["id", "q"])
  }

  @Test func aFileMixingWavesIsRefused() throws {
    #expect(throws: SpecProblems.self) { try clean("id,vague,q\n1,2016,1\n2,2017,1\n") }
  }
}
