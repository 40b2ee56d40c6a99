import Foundation
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
    let plan = RunPlan.resolve([specs])
    #expect(plan.pipelines == [specs + "/a.yml", specs + "/b.yml", folder.path + "/other/c.yml"])
    #expect(plan.matrices.map(\.name) == ["territoires"])
    #expect(plan.matrices[0].pipelines == [specs + "/a.yml", folder.path + "/other/c.yml", specs + "/b.yml"])
    #expect(RunPlan.resolve([specs + "/b.yml", specs]).pipelines.first == specs + "/b.yml")
    #expect(plan.refused == [])
  }

  @Test func oneFileSpelledTwoWaysIsPlannedOnceAsFirstSpelled() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let absolute = try folder.write("specs/a.yml", "survey: a\n")
    try folder.write("specs/m.yml", matrix("t", reading: [absolute]))
    let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
    let relative = String(repeating: "../", count: depth) + absolute.dropFirst()
    let plan = RunPlan.resolve([relative, absolute, folder.path + "/specs/m.yml"])
    #expect(plan.pipelines == [relative])
    #expect(plan.matrices.first?.measures.map(\.pipeline) == [relative])
  }

  @Test func whatCannotBeReadIsRefusedWithItsLine() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.path + "/empty", withIntermediateDirectories: true)
    let file = try folder.write("m.yml", matrix("t", reading: ["absent.yml"]))
    let plan = RunPlan.resolve([file, folder.path + "/absent", folder.path + "/empty"])
    #expect(
      plan.refused == [
        RefusedSpec(
          spec: file,
          problems: [
            SpecDiagnostic(
              file: file, line: 5, message: "measure 'm0': pipeline \(folder.path)/absent.yml does not exist")
          ]),
        RefusedSpec(
          spec: folder.path + "/absent",
          problems: [SpecDiagnostic(file: folder.path + "/absent", line: nil, message: "no such spec file or folder")]),
        RefusedSpec(
          spec: folder.path + "/empty",
          problems: [SpecDiagnostic(file: folder.path + "/empty", line: nil, message: "the folder holds no .yml spec")]),
      ])
    #expect(plan.matrices.isEmpty && plan.pipelines.isEmpty)
  }
}
