import Testing

@testable import PhareKit

/// `Pipeline.load` reports every problem of a spec and its codebook, each with its file and line.
@Suite struct PipelineValidationTests {
  private let codebook = """
    variables:
      id: {type: identifier}
      q4:
        type: single
        values: {1: Oui, 2: Non}
        missing: {9: Ne sait pas}
      age: {type: numeric, range: [18, 120]}

    """

  private func spec(_ extra: String = "", clean: String = "") -> String {
    """
    survey: test
    inputs:
      folder: waves
      wave: {file_name: "w(\\\\d{4})"}
    codebook: codebook.yml
    \(extra)
    clean:
      dont_know: exclude
    \(clean)
    """
  }

  /// Writes a spec, codebook and one wave; returns the diagnostics of loading it, as text.
  private func problems(spec: String, codebook: String? = nil, wave: String = "id,q4,age\n1,1,30\n") throws -> [String]
  {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("pipeline.yml", spec)
    try folder.write("codebook.yml", codebook ?? self.codebook)
    try folder.write("waves/w2016.csv", wave)
    do {
      let pipeline = try Pipeline.load(file)
      return pipeline.checkInputs().map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    } catch let error as SpecProblems {
      return error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }
  }

  @Test func aValidPipelineHasNoProblem() throws {
    #expect(try problems(spec: spec()) == [])
  }

  @Test func unknownKeysAreErrorsWithAHint() throws {
    let found = try problems(spec: spec("weigth: raking\nclen: {}"))
    #expect(
      found == [
        "pipeline.yml:6: unknown key 'weigth' in the pipeline; did you mean 'weight'?",
        "pipeline.yml:7: unknown key 'clen' in the pipeline; did you mean 'clean'?",
      ])
  }

  @Test func everyProblemIsReportedNotJustTheFirst() throws {
    let found = try problems(
      spec: spec(
        clean: """
            quarantine_treshold: 0.1
            derived:
              - {name: q4_net, net: {of: q9, codes: [1]}}
              - {name: q4_net2, net: {of: q4, codes: [3]}}
            consistency:
              - {name: filtre, if: {variable: q4, codes: [2]}, then_blank: [q5]}
          """))
    #expect(
      found == [
        "pipeline.yml:9: unknown key 'quarantine_treshold' in clean; did you mean 'quarantine_threshold'?",
        "pipeline.yml:11: derived variable 'q4_net': 'q9' is not a codebook variable, item or derived variable",
        "pipeline.yml:12: derived variable 'q4_net2': code 3 is not a value of 'q4'",
        "pipeline.yml:14: consistency rule 'filtre': 'q5' is not a codebook variable, item or derived variable",
      ])
  }

  @Test func codebookProblems() throws {
    let found = try problems(
      spec: spec(),
      codebook: """
        variables:
          id: {type: identifier}
          q4: {type: singel}
          q5: {type: single}
          age: {type: numeric, values: {1: x}}
          q6: {type: multiple, label: Rôles}
        """)
    #expect(
      found == [
        "codebook.yml:3: the type of variable 'q4' should be one of: identifier, single, multiple, scale, numeric, text, personal (found 'singel')",
        "codebook.yml:4: variable 'q5' (single) needs values: its codes and labels",
        "codebook.yml:5: 'values' does not apply to variable 'age' (numeric)",
        "codebook.yml:6: variable 'q6' (multiple) needs either items (one 0/1 column each) or a separator with values (one cell)",
      ])
  }

  @Test func duplicateDefinitions() throws {
    let found = try problems(
      spec: spec(),
      codebook: "variables:\n  id: {type: identifier}\n  q4: {type: text}\n  q4: {type: text}\n")
    #expect(found == ["codebook.yml:3: duplicate definition of 'q4' in the same mapping"])
  }

  @Test func yamlSyntaxErrorsGiveTheLine() throws {
    let found = try problems(spec: "survey: test\ninputs:\n  folder: [waves\ncodebook: codebook.yml\n")
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("pipeline.yml:4: YAML syntax error:") == true)
  }

  @Test func inputsMissingACodebookColumn() throws {
    let found = try problems(spec: spec(), wave: "ID,q4\n1,1\n")
    #expect(
      found == [
        "waves/w2016.csv:1: no column for variable 'id' (looked for id; header: 2 columns split on comma, UTF-8)",
        "waves/w2016.csv:1: no column for variable 'age' (looked for age; header: 2 columns split on comma, UTF-8)",
      ])
  }

  /// After Excel's `sep=;` line the header is line 2, and the message says how it was split.
  @Test func missingColumnAfterAnExcelSeparatorLine() throws {
    let found = try problems(spec: spec(), wave: "sep=;\r\nid;q4\r\n1;1\r\n")
    #expect(
      found == [
        "waves/w2016.csv:2: no column for variable 'age' (looked for age; header: 2 columns split on semicolon, UTF-8)"
      ])
  }

  @Test func boundsFromZeroToInfinityArePlainRaking() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    func bounds(_ text: String) throws -> ClosedRange<Double>? {
      let spec = try SpecFixture.write(
        into: folder, edits: [.init(file: "essai.yml", old: "tolerance: 1e-10", new: "bounds: \(text)")])
      return try Pipeline.load(spec, through: .estimate).spec.weight?.bounds
    }
    #expect(try bounds("[0, .inf]") == nil)
    #expect(try bounds("[0, 5]") == 0...5)
    #expect(try bounds("[0.5, .inf]") == 0.5...Double.infinity)
  }

  @Test func aWaveColumnMissingFromAnExport() throws {
    let found = try problems(
      spec: "survey: test\ninputs: {folder: waves, wave: {column: VAGUE}}\ncodebook: codebook.yml\n",
      wave: "id,q4,age,VAGUE\n1,1,30,2016\n")
    #expect(found == [])
    let missing = try problems(
      spec: "survey: test\ninputs: {folder: waves, wave: {column: VAGUE}}\ncodebook: codebook.yml\n")
    #expect(
      missing == [
        "waves/w2016.csv:1: no column 'VAGUE' for the wave id (inputs.wave.column; header: 3 columns split on comma, UTF-8)"
      ])
  }

  /// `phare validate` reads each export's wave column: one wave id per export, each from one export.
  @Test func aWaveColumnHoldingSeveralIdsOrTheIdOfAnotherExport() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "pipeline.yml", "survey: test\ninputs: {folder: waves, wave: {column: vague}}\ncodebook: codebook.yml\n")
    try folder.write("codebook.yml", codebook)
    try folder.write("waves/a.csv", "id,q4,age,vague\n1,1,30,2016\n")
    try folder.write("waves/b.csv", "id,q4,age,vague\n1,1,30,2016\n2,2,40,2016\n")
    try folder.write("waves/c.csv", "id,q4,age,vague\n1,1,30,2016\n2,2,40,2017\n")
    try folder.write("waves/d.csv", "id,q4,age,vague\n1,1,30,2018\n")
    let found = try Pipeline.load(file).checkInputs().map {
      $0.description.replacingOccurrences(of: folder.path + "/", with: "")
    }
    #expect(
      found == [
        "waves/c.csv: column 'vague' should hold one wave id, found: 2016, 2017",
        "waves/a.csv: wave 2016 comes from several exports: waves/a.csv, waves/b.csv (inputs.wave.column)",
      ])
  }

  @Test func missingInputFolderAndCodebook() throws {
    let found = try problems(spec: "survey: test\ninputs: {folder: nowhere}\ncodebook: none.yml\n")
    #expect(found.contains("none.yml: no such file"))
    #expect(found.contains("pipeline.yml:2: input folder nowhere does not exist or cannot be read"))
  }

  @Test func weightSectionProblems() throws {
    let found = try problems(
      spec: spec(
        """
        weight:
          method: rake
          margins: [region, sexe]
          bounds: [2, 0.5]
          missing: drop
        """))
    #expect(
      found == [
        "pipeline.yml:7: weight.method should be one of: post-stratification, raking, calibration (found 'rake')",
        "pipeline.yml:9: weight.bounds should be [lower, upper] with 0 ≤ lower < 1 < upper (bounds on final / starting weight)",
        "pipeline.yml:10: weight.missing should be one of: impute-mode, quarantine (found 'drop')",
      ])
    let postStratified = try problems(spec: spec("weight:\n  method: post-stratification\n  margins: [q4, age]"))
    #expect(
      postStratified == [
        "pipeline.yml:6: weighting needs a populations file (populations: at the top of the spec)",
        "pipeline.yml:8: post-stratification takes exactly one margin (a crossing such as region*urbain)",
        "pipeline.yml:8: weight.margins: 'age' is numeric; weight.margins needs a coded variable (single choice, or a derived net, recode or crossing)",
      ])
  }

  @Test(arguments: [("institutions", 31), ("citoyens", 27), ("associations", 29), ("entreprises", 28)])
  func theShippedPipelinesAreValid(name: String, variables: Int) throws {
    let pipeline = try Pipeline.load(Fixtures.pipelines(name + ".yml"))
    #expect(pipeline.checkInputs().isEmpty)
    #expect(pipeline.waves.map(\.wave) == ["2015", "2016", "2017"])
    #expect(pipeline.codebook.variables.count == variables)
    #expect(pipeline.domains.count == 16)
  }

  @Test func invalidCellsIsOneOfItsChoices() throws {
    let found = try problems(spec: spec(clean: "  invalid_cells: drop"))
    #expect(
      found == ["pipeline.yml:9: clean.invalid_cells should be one of: quarantine-row, set-missing (found 'drop')"])
    #expect(try problems(spec: spec(clean: "  invalid_cells: set-missing")) == [])
  }

  @Test func blankIsCheckedLikeAnyCodebookKey() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "codebook.yml",
      """
      variables:
        a:
          type: multiple
          blank: unticked
          items: {a_1: Un, a_2: Deux}
        b:
          type: single
          values: {1: Oui}
          blank: not-ticked
        c:
          type: multiple
          separator: "|"
          values: {1: Un, 2: Deux}
          blank: not-ticked

      """)
    var diagnostics: [SpecDiagnostic] = []
    _ = Codebook.load(file: file, diagnostics: &diagnostics)
    #expect(
      diagnostics.map { "\($0.line ?? 0): \($0.message)" } == [
        "4: blank in variable 'a' should be one of: missing, not-ticked (found 'unticked')",
        "9: 'blank' does not apply to variable 'b' (single)",
        "14: 'blank' applies to item columns, not to variable 'c' (multiple) stored in one cell",
      ])
  }
}
