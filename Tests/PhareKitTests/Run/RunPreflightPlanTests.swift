import Foundation
import Testing

@testable import PhareKit

/// The checks across the specs of one run: distinct output folders, matrices against the
/// pipelines they read, and the shipped `Pipelines/` folder as cron runs it.
@Suite struct RunPreflightPlanTests {
  private static let shipped = FilePath.normalise(Fixtures.pipelines(""))
  private static let oneSurvey = " (one output folder, one history in the registry)"

  @Test func theShippedFolderAndTheMatrixAlonePass() throws {
    let folder = RunPreflight([Self.shipped])
    #expect(folder.problems == [])
    #expect(folder.pipelines.count == 4)
    #expect(folder.matrices.map(\.name) == ["territoires"])
    let matrix = RunPreflight([Self.shipped + "/phare-territoires.yml"])
    #expect(matrix.problems == [])
    #expect(Set(matrix.pipelines.keys) == Set(folder.pipelines.keys))
  }

  @Test func twoSpecsWritingOneFolderAreBothRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let first = try SpecFixture.write(into: folder)
    let second = try folder.write("essai-bis.yml", SpecFixture.spec)
    let preflight = RunPreflight([first, second])
    #expect(
      preflight.refused == [
        RefusedSpec(
          spec: first,
          problems: [
            SpecDiagnostic(
              file: first, line: 1, message: "survey 'essai' is also the survey of \(second)\(Self.oneSurvey)")
          ]),
        RefusedSpec(
          spec: second,
          problems: [
            SpecDiagnostic(
              file: second, line: 1, message: "survey 'essai' is also the survey of \(first)\(Self.oneSurvey)")
          ]),
      ])
    #expect(preflight.pipelines.isEmpty)
  }

  @Test func aMatrixIsCheckedAgainstThePipelinesItReads() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let pipelines = Self.shipped
    let file = try folder.write(
      "essai.yml",
      """
      matrix: essai
      domains: \(pipelines)/domaines.csv
      breakdown: region
      measures:
        - {id: sans-categorie, pipeline: \(pipelines)/institutions.yml, variables: "q2_*"}
        - {id: code-absent, pipeline: \(pipelines)/institutions.yml, variables: "q2_*", category: 7}
        - {id: moyenne, pipeline: \(pipelines)/citoyens.yml, variables: "importance_*", category: 1}
        - {id: rien, pipeline: \(pipelines)/institutions.yml, variables: "absent_*"}
        - {id: casse, pipeline: broken.yml, variables: "q2_*", category: 1}

      """)
    try folder.write("broken.yml", "survey: casse\ninputs: {folder: .}\ncodebook: none.yml\n")
    let preflight = RunPreflight([file])
    let matrixProblems = preflight.refused.first { $0.spec == file }?.problems.map(\.description)
    #expect(
      matrixProblems == [
        "\(file):5: measure 'sans-categorie': 'q2_01' has proportions: name the category whose share is taken (and 15 more)",
        "\(file):6: measure 'code-absent': category 7 is not a code of 'q2_01' (and 15 more)",
        "\(file):7: measure 'moyenne': 'importance_01' has a mean, not categories (remove category 1) (and 15 more)",
        "\(file):8: measure 'rien': no estimated variable of \(pipelines)/institutions.yml matches 'absent_*' with a domain",
        "\(file):9: measure 'casse': pipeline \(folder.path)/broken.yml does not validate (its problems are listed)",
      ])
    #expect(preflight.refused.map(\.spec) == [folder.path + "/broken.yml", file])
    #expect(preflight.matrices.isEmpty)
    #expect(preflight.pipelines.count == 2)
  }

  @Test func aMatrixMeasureMatchingTwoVariablesOfOneDomainIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try SpecFixture.write(
      into: folder,
      edits: [
        .init(
          file: "essai.yml", old: "populations: populations.csv\n",
          new: "populations: populations.csv\ndomains: d.csv\n"),
        .init(
          file: "codebook.yml", old: "  q4:\n    type: single\n", new: "  q4:\n    domain: emploi\n    type: single\n"),
      ],
      extra: ["d.csv": "code,id,label\n1,emploi,Emploi\n"])
    let matrix = try folder.write(
      "m.yml",
      "matrix: m\ndomains: d.csv\nbreakdown: region\nmeasures:\n  - {id: q4, pipeline: essai.yml, variables: \"q4*\", category: 1}\n"
    )
    #expect(RunPreflight([spec]).problems == [])
    #expect(
      RunPreflight([matrix]).problems.map(\.description) == [
        "\(matrix):5: measure 'q4': q4 and q4_oui both measure domain emploi"
      ])
  }

  @Test func aMatrixBreakdownThePipelineDoesNotEstimateAndAClashingName() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let pipelines = Self.shipped
    let file = try folder.write(
      "m.yml",
      """
      matrix: institutions
      domains: \(pipelines)/domaines.csv
      breakdown: fonction
      measures:
        - {id: q2, pipeline: \(pipelines)/institutions.yml, variables: "q2_*", category: 1}

      """)
    let preflight = RunPreflight([file])
    let institutions = pipelines + "/institutions.yml"
    #expect(
      preflight.problems.map(\.description) == [
        "\(institutions):2: 'institutions' is also the output folder of \(file)",
        "\(file):1: 'institutions' is also the output folder of \(institutions)",
      ])
    #expect(preflight.pipelines.isEmpty)
    let renamed = try folder.write(
      "m.yml",
      try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
        of: "matrix: institutions", with: "matrix: m"))
    #expect(
      RunPreflight([renamed]).problems.map(\.description) == [
        "\(renamed):5: measure 'q2': \(institutions) does not estimate the breakdown 'fonction'"
      ])
  }
}
