import Testing

@testable import PhareKit

/// `phare run`'s plan: folders stand for their specs, a matrix brings in the pipelines it reads, each once.
@Suite struct RunPlanTests {
  private func matrix(_ name: String, reading pipelines: [String]) -> String {
    let measures = pipelines.enumerated().map { index, pipeline in
      "  - {id: m\(index), pipeline: \(pipeline), variables: \"x_*\"}"
    }
    return (["matrix: \(name)", "domains: domaines.csv", "breakdown: region", "measures:"] + measures)
      .joined(separator: "\n") + "\n"
  }

  @Test func foldersMatricesAndTheirPipelines() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let specs = folder.path + "/specs"
    try folder.write("specs/b.yml", "survey: b\n")
    try folder.write("specs/a.yml", "survey: a\n")
    try folder.write("specs/codebooks/a.yml", "variables: {}\n")
    try folder.write("specs/notes.txt", "not a spec\n")
    try folder.write("specs/z-matrix.yml", matrix("territoires", reading: ["a.yml", "../other/c.yml", "b.yml"]))
    try folder.write("other/c.yml", "survey: c\n")
    let plan = try RunPlan.resolve([specs])
    #expect(plan.pipelines == [specs + "/a.yml", specs + "/b.yml", folder.path + "/other/c.yml"])
    #expect(plan.matrices.map(\.name) == ["territoires"])
    #expect(plan.matrices[0].pipelines == [specs + "/a.yml", folder.path + "/other/c.yml", specs + "/b.yml"])
    #expect(try RunPlan.resolve([specs + "/b.yml", specs]).pipelines.first == specs + "/b.yml")
  }

  @Test func aMatrixNamingAMissingPipelineIsAnErrorAtItsLine() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("m.yml", matrix("t", reading: ["absent.yml"]))
    #expect(
      throws: SpecProblems([
        SpecDiagnostic(file: file, line: 5, message: "measure 'm0': pipeline \(folder.path)/absent.yml does not exist")
      ])
    ) {
      try RunPlan.resolve([file])
    }
  }
}
