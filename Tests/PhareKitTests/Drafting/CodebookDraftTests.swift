import Testing

@testable import PhareKit

/// A codebook drafted from a real export loads as a codebook, and its guesses follow the values.
@Suite struct CodebookDraftTests {
  @Test func theMayorsExportDraftsACodebookThatLoads() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let ingest = try CSVReader().read(Fixtures.repository + "/Fixtures/institutions/maires-2016.csv")
    let draft = CodebookDraft(ingest)
    let path = folder.path + "/draft.yml"
    try draft.write(to: path)
    let codebook = try Codebook.load(file: path)
    let kinds = Dictionary(uniqueKeysWithValues: codebook.variables.map { ($0.name, $0.kind) })
    #expect(kinds["id_repondant"] == .identifier)
    #expect(["nom", "tel", "email"].map { kinds[$0] } == [.personal, .personal, .personal])
    #expect(kinds["commune"] == .text)
    let region = try #require(codebook.variables.first { $0.name == "region" })
    #expect(region.kind == .single)
    #expect(region.sources == ["Région"])
    #expect(region.values.map(\.code) == [11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94])
    let q1 = try #require(codebook.variables.first { $0.name == "q1" })
    #expect(q1.kind == .multiple)
    #expect(q1.items.map(\.name) == ["q1_citoyens", "q1_associations", "q1_entreprises"])
    let q2 = try #require(codebook.variables.first { $0.name == "q2_01" })
    #expect(q2.values.map(\.code) == [1, 2, 3, 4])
    #expect(q2.missingCodes.map(\.code) == [9])
    let taille = try #require(codebook.variables.first { $0.name == "taille" })
    #expect(taille.kind == .numeric)
    let sizes = (0..<ingest.rowsKept).compactMap { ingest.table["taille"]?.text(at: $0).flatMap(Double.init) }
    #expect(taille.range == sizes.min()!...sizes.max()!)
    let q8 = try #require(codebook.variables.first { $0.name == "q8" })
    #expect(q8.kind == .multiple)
    #expect(q8.cellSeparator == "|")
    #expect(q8.values.map(\.code) == [1, 2, 3, 4, 5, 99])
    // Every column is one variable's source, or one item of a set.
    let read = codebook.variables.flatMap { $0.items.isEmpty ? $0.sources : $0.items.map(\.name) }
    #expect(read.sorted() == ingest.table.schema.fields.map(\.name).sorted())
    #expect(draft.yaml.components(separatedBy: "  # guess: ").count - 1 == codebook.variables.count)
  }

  /// A spec naming the draft validates, and the clean stage reads the wave with it, every row
  /// kept or quarantined.
  @Test func aSpecNamingTheDraftValidatesAndCleansTheWave() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let wave = Fixtures.repository + "/Fixtures/institutions/maires-2016.csv"
    try CodebookDraft(try CSVReader().read(wave)).write(to: folder.path + "/draft.yml")
    let spec = try folder.write(
      "maires.yml",
      """
      survey: maires
      inputs: {folder: \(Fixtures.repository)/Fixtures/institutions, files: "maires-2016.csv"}
      codebook: draft.yml
      """)
    let pipeline = try Pipeline.load(spec)
    #expect(pipeline.checkInputs().isEmpty)
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .clean).first)
    let cleaned = try #require(result.cleaned)
    #expect(cleaned.isBalanced)
    #expect(cleaned.rowsRead == 311)
    // The draft keeps no personal column, and the duplicated identifier's second row is quarantined.
    #expect(!cleaned.variables.contains { ["nom", "tel", "email"].contains($0.name) })
    #expect(cleaned.quarantined.contains { $0.rule == "clean.duplicate-id" })
  }

  /// An SPSS file's dictionary gives the draft its variable labels, value labels and user-missing
  /// codes: those of the codebook the file was written from (`Fixtures/spss/make-fixtures.R`).
  @Test func anSPSSFileDraftsItsLabelsAndMissingCodes() throws {
    let ingest = try ExportReader(csv: CSVReader()).read(Fixtures.repository + "/Fixtures/spss/maires-2016.sav")
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try CodebookDraft(ingest).write(to: folder.path + "/draft.yml")
    let draft = try Codebook.load(file: folder.path + "/draft.yml")
    let shipped = try Codebook.load(file: Fixtures.pipelines("codebooks/institutions.yml"))
    for name in ["region", "urbain", "q2_01", "q3", "q5"] {
      let drafted = try #require(draft.variables.first { $0.name == name }, "\(name)")
      let truth = try #require(shipped.variables.first { $0.name == name })
      #expect(drafted.kind == .single, "\(name)")
      #expect(drafted.label == truth.label, "\(name)")
      #expect(drafted.values == truth.values, "\(name)")
      #expect(drafted.missingCodes == truth.missingCodes, "\(name)")
    }
  }

  /// The shipped mayors spec naming the draft of the mayors' SPSS or Stata wave validates against
  /// the file and cleans it: string codes joined in a cell (q8) keep an SPSS file's labels and its
  /// user-missing "99", and Stata's `.a` « Ne sait pas » gets the missing code 9 the reader maps it to.
  @Test(arguments: ["maires-2016.sav", "maires-2016.zsav", "maires-2016.dta"])
  func theDraftOfATypedWaveValidatesAgainstItAndCleansIt(file: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spss = Fixtures.repository + "/Fixtures/spss"
    try CodebookDraft(try ExportReader(csv: CSVReader()).read(spss + "/" + file)).write(to: folder.path + "/draft.yml")
    let draft = try Codebook.load(file: folder.path + "/draft.yml")
    let shipped = try Codebook.load(file: Fixtures.pipelines("codebooks/institutions.yml"))
    // Stata labels no strings: q8's codes keep `code N` there.
    for name in file.hasSuffix(".dta") ? ["q3"] : ["q3", "q8"] {
      let drafted = try #require(draft[name])
      #expect(drafted.values == shipped[name]?.values && drafted.missingCodes == shipped[name]?.missingCodes, "\(name)")
    }
    let spec = try folder.write(
      "maires.yml",
      "survey: maires\ninputs: {folder: \(spss), files: \"\(file)\", wave: {file_name: \"maires-(\\\\d{4})\"}}\n"
        + "codebook: draft.yml\n")
    let pipeline = try Pipeline.load(spec)
    #expect(pipeline.checkInputs().map(\.description) == [])
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .clean).first)
    #expect(result.problem == nil)
    let rows = try #require(result.accounting)
    #expect(rows.read == 309 && rows.quarantined.count <= 3 && rows.isBalanced, "\(rows.quarantined.map(\.rule))")
  }

  /// SPSS missing ranges become missing codes: the labelled and unlabelled codes of `90 THRU 99`
  /// the column holds, and `9 THRU HI`'s 9 (`Tests/Fixtures/spss/make-ranges.R`).
  @Test func missingRangesBecomeMissingCodes() throws {
    let path = Fixtures.tests + "/Fixtures/spss/missing-ranges.sav"
    let draft = CodebookDraft(try ExportReader(csv: CSVReader()).read(path))
    let q4 = try #require(draft.variables.first { $0.name == "q4" })
    #expect(q4.values.map(\.code) == [1, 2, 3, 4])
    #expect(
      q4.missing == [
        ValueLabel(code: 97, label: "Refus"), ValueLabel(code: 98, label: "code 98"),
        ValueLabel(code: 99, label: "code 99"),
      ])
    #expect(q4.guess.hasSuffix("declared missing in the file: 90 THRU 99"))
    let q5 = try #require(draft.variables.first { $0.name == "q5" })
    #expect(q5.values.map(\.code) == [1, 2] && q5.missing == [ValueLabel(code: 9, label: "Ne sait pas")])
    #expect(q5.guess.hasSuffix("declared missing in the file: 9 THRU HI"))
    let q9 = try #require(draft.variables.first { $0.name == "q9" })
    #expect(q9.values.map(\.code) == [1, 2])
    #expect(
      q9.guess.hasSuffix(
        "the file labels 1.5 « Un et demi », which no codebook code (a whole number) can be: recode them"))
  }

  /// Codes the file labels alike get their code after the label, so that the draft loads.
  @Test func codesSharingALabelAreToldApart() throws {
    let path = Fixtures.repository + "/Fixtures/spss/contradicting-labels.sav"
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try CodebookDraft(try ExportReader(csv: CSVReader()).read(path)).write(to: folder.path + "/draft.yml")
    let region = try #require(try Codebook.load(file: folder.path + "/draft.yml")["region"])
    #expect(region.values.filter { $0.label.hasPrefix("Bretagne") }.map(\.label) == ["Bretagne (11)", "Bretagne (53)"])
  }

  /// A file of no case, its dictionary alone (sent before fieldwork), is drafted from its labels
  /// (`Tests/Fixtures/spss/make-dictionary-only.R`); as a wave it is refused.
  @Test func aDictionaryWithoutCasesIsDrafted() throws {
    let path = Fixtures.tests + "/Fixtures/spss/dictionary-only.sav"
    var reader = ExportReader(csv: CSVReader())
    reader.statFile.acceptsNoCases = true
    let draft = CodebookDraft(try reader.read(path))
    let shipped = try Codebook.load(file: Fixtures.pipelines("codebooks/institutions.yml"))
    #expect(draft.rows == 0 && draft.columns == 33)
    for name in ["q3", "q4", "region"] {
      let drafted = try #require(draft.variables.first { $0.name == name })
      #expect(drafted.values == shipped[name]?.values && drafted.missing == shipped[name]?.missingCodes, "\(name)")
    }
    let error = try #require(throws: IngestError.self) { try ExportReader(csv: CSVReader()).read(path) }
    #expect(error.description == "\(path): not a readable SPSS .sav file: it holds no cases")
  }

  @Test func columnsAreRecognisedByTheirValues() {
    #expect(ColumnProfile.looksLikeEmail("claire.mercier@mairie-exemple.fr"))
    #expect(!ColumnProfile.looksLikeEmail("claire mercier@mairie.fr"))
    #expect(ColumnProfile.looksLikePhone("07 48 89 83 24"))
    #expect(ColumnProfile.looksLikePhone("+33 7 48 89 83 24"))
    #expect(!ColumnProfile.looksLikePhone("2016"))
    #expect(ColumnProfile.looksLikeName("Jean-Luc d'Arc"))
    #expect(ColumnProfile.looksLikeName("Anne de la Tour"))
    #expect(!ColumnProfile.looksLikeName("Villeneuve"))
    #expect(!ColumnProfile.looksLikeName("Ne sait pas"))
    #expect(CodebookDraft.slug("Région") == "region")
    #expect(CodebookDraft.slug("Q2 (bis)") == "q2_bis")
    #expect(CodebookDraft.slug("2e vague") == "v_2e_vague")
  }
}
