import Foundation
import Testing

@testable import PhareKit

/// `inputs.encoding` in a spec: validated, passed to ingest, and the Windows-1252 lines of a
/// mixed wave listed in the wave's manifest.
@Suite struct MixedEncodingRunTests {
  private static let codebook = """
    variables:
      id: {type: identifier}
      commune: {type: text}
      commentaire: {type: text}

    """

  private static func spec(encoding: String?) -> String {
    """
    survey: test
    inputs:
      folder: waves
      wave: {file_name: "w(\\\\d{4})"}
    \(encoding.map { "  encoding: \($0)" } ?? "")
    codebook: codebook.yml

    """
  }

  /// A folder holding the spec, its codebook and the mixed fixture as wave 2016.
  private static func folder(encoding: String?) throws -> (TemporaryFolder, String) {
    let folder = try TemporaryFolder()
    let spec = try folder.write("pipeline.yml", spec(encoding: encoding))
    try folder.write("codebook.yml", codebook)
    try folder.write("waves/.keep", "")
    try FileManager.default.copyItem(
      atPath: Fixtures.ingest("utf8-with-windows1252-lines.csv"), toPath: folder.path + "/waves/w2016.csv")
    return (folder, spec)
  }

  @Test func anUnknownEncodingIsAnError() throws {
    let (folder, spec) = try Self.folder(encoding: "latin9")
    defer { folder.remove() }
    #expect(throws: SpecProblems.self) { try Pipeline.load(spec) }
    do {
      _ = try Pipeline.load(spec)
    } catch let problems as SpecProblems {
      #expect(
        problems.diagnostics.map(\.message) == [
          "inputs.encoding should be 'auto', 'utf-8', 'windows-1252' or 'mixed'"
        ])
    }
  }

  @Test func withoutMixedTheWaveFailsNamingTheLines() throws {
    let (folder, spec) = try Self.folder(encoding: nil)
    defer { folder.remove() }
    let pipeline = try Pipeline.load(spec)
    #expect(pipeline.spec.inputs.encoding == .auto)
    let wave = try #require(try PipelineRunner(pipeline: pipeline).run(through: .clean).first)
    let problem = try #require(wave.problem)
    #expect(problem.contains("lines 5, 7 are not UTF-8 while the rest of the file is"))
  }

  @Test func mixedListsTheWindows1252LinesInTheManifest() throws {
    let (folder, spec) = try Self.folder(encoding: "mixed")
    defer { folder.remove() }
    let pipeline = try Pipeline.load(spec)
    #expect(pipeline.spec.inputs.encoding == .mixed)
    #expect(pipeline.checkInputs().map(\.description) == [])
    let results = try PipelineRunner(pipeline: pipeline).run(through: .clean)
    let wave = try #require(results.first)
    #expect(wave.problem == nil)
    #expect(wave.windows1252Lines == [5, 7])
    let manifest = try RunManifest(pipeline: pipeline, results: results)
    #expect(manifest.waves.map(\.windows1252Lines) == [[5, 7]])
    #expect(manifest.waves.map(\.file) == [folder.path + "/waves/w2016.csv"])
    #expect(try manifest.json().contains("\"windows1252Lines\" : [\n        5,\n        7\n      ]"))
  }
}
