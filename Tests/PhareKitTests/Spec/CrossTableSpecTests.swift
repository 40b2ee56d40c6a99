import Testing

@testable import PhareKit

/// `estimate.tables`: what a table declares, and each problem with its line.
@Suite struct CrossTableSpecTests {
  private static let codebook = """
    variables:
      id: {type: identifier}
      region: {type: single, values: {11: Île-de-France, 84: Auvergne-Rhône-Alpes}}
      q3: {type: single, values: {1: Oui, 2: Non}}
      q4: {type: single, values: {1: Oui, 2: Un peu, 3: Non}}

    """

  /// Loads a spec whose estimate section ends with `tables`; returns its problems, as text.
  private func problems(_ tables: String) throws -> [String] {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("codebook.yml", Self.codebook)
    try folder.write("waves/w2016.csv", "id,region,q3,q4\n1,11,1,2\n")
    let file = try folder.write(
      "pipeline.yml",
      """
      survey: test
      inputs:
        folder: waves
        wave: {file_name: "w(\\\\d{4})"}
      codebook: codebook.yml
      clean:
        derived:
          - {name: q4_net, label: Oui (net), net: {of: q4, codes: [1, 2]}}
      estimate:
        variables: [q4, q4_net, q3]
        breakdowns: [region]
        tables:
      \(tables)
      """)
    do {
      _ = try Pipeline.load(file)
      return []
    } catch let problems as SpecProblems {
      return problems.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }
  }

  @Test func theShippedPipelineDeclaresQ4WithItsNetAndQ3() throws {
    let tables = try #require(try Pipeline.load(Fixtures.pipelines("institutions.yml")).spec.estimate?.tables)
    #expect(
      tables.map {
        [
          $0.name, $0.variables.joined(separator: "+"), $0.nets.joined(separator: "+"),
          $0.columns.joined(separator: "+"),
        ]
      } == [
        ["q4-dynamique", "q4", "q4_net_oui", "urbain+region"], ["q3-alliances-innovation", "q3", "", "urbain"],
      ])
    #expect(tables[0].title == "Q4. Votre territoire est-il porteur d'une dynamique de co-construction ?")
    #expect(tables[0].line == 48)
  }

  @Test func aTableWithoutColumnsOrTitleTakesEveryBreakdown() throws {
    #expect(try problems("    - {name: q4, variable: q4, nets: [q4_net]}") == [])
  }

  @Test func everyProblemOfTheTablesIsReportedWithItsLine() throws {
    let found = try problems(
      """
          - {name: ../x, variable: q9, colums: [region]}
          - name: ok
            variable: q4
            nets: [q3, q5]
            columns: [region, sexe]
          - {name: ok, variable: q3}
      """)
    #expect(
      found == [
        "pipeline.yml:13: unknown key 'colums' in a table of estimate.tables; did you mean 'columns'?",
        "pipeline.yml:13: table '../x': a name is 1 to 64 letters, digits, '-' and '_' (it names tables/<name>.csv)",
        "pipeline.yml:13: table '../x': 'q9' is not among estimate.variables",
        "pipeline.yml:14: table 'ok': 'q3' is not a derived net (clean.derived with net:)",
        "pipeline.yml:16: table 'ok': 'q5' is not among estimate.variables",
        "pipeline.yml:17: table 'ok': 'sexe' is not among estimate.breakdowns",
        "pipeline.yml:18: table 'ok' is already defined",
      ])
  }

  @Test func aGridListsSeveralVariablesAndEachProblemOfItsListIsReported() throws {
    #expect(try problems("    - {name: grid, title: Grille, variables: [q3, q4], nets: [q4_net]}") == [])
    let found = try problems(
      """
          - {name: a, title: A, variables: [q3, q9, q3]}
          - {name: b, variable: q3, variables: [q4]}
          - {name: c, variables: []}
          - {name: d, title: Sans variable}
          - {name: e, variables: [q3], nets: [q4_net]}
          - {name: f, variables: [q3, q4]}
      """)
    #expect(
      found == [
        "pipeline.yml:13: table 'a': 'q9' is not among estimate.variables",
        "pipeline.yml:13: table 'a': 'q3' is listed twice",
        "pipeline.yml:14: table 'b': give either variable (one) or variables (a grid), not both",
        "pipeline.yml:15: table 'c': variables lists no variable",
        "pipeline.yml:16: table 'd': variable (one) or variables (a grid) is required",
        "pipeline.yml:17: table 'e': 'q4_net' is a net of 'q4', not of 'q3'",
        "pipeline.yml:18: table 'f': a grid (variables:) needs a title, which no one variable's label gives",
      ])
  }

  /// Names that would not make a file on every system, and a banner listing a breakdown twice.
  @Test func namesFitEveryFileSystemAndColumnsAreListedOnce() throws {
    let long = String(repeating: "x", count: 65)
    let found = try problems(
      """
          - {name: \(long), variable: q3}
          - {name: q3, variable: q3, columns: [region, region]}
          - {name: Q3, variable: q4}
      """)
    #expect(
      found == [
        "pipeline.yml:13: table '\(long)': a name is 1 to 64 letters, digits, '-' and '_' (it names tables/<name>.csv)",
        "pipeline.yml:14: table 'q3': the column 'region' is listed twice",
        "pipeline.yml:15: table 'Q3': its file would be table 'q3''s on a file system that ignores case",
      ])
  }

  @Test func theColumnTestsCorrectionIsOneOfRsPAdjustMethods() throws {
    let pipeline = try Pipeline.load(Fixtures.pipelines("institutions.yml"))
    #expect(pipeline.spec.estimate?.correction == PValueCorrection.none)
    #expect(
      try problems("    - {name: q4, variable: q4}\n  correction: sidak")
        == ["pipeline.yml:14: estimate.correction should be one of: none, holm, bonferroni (found 'sidak')"])
  }
}
