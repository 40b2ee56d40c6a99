import Testing

@testable import PhareKit

/// A codebook variable with several source names, two of which are in one export.
@Suite struct AliasCollisionTests {
  private static let codebook = """
    variables:
      id: {type: identifier, source: [ID, id]}
      region: {type: single, source: [Région, REGION, region], values: {1: Nord, 2: Sud}}
      q: {type: single, values: {1: Oui, 2: Non}}

    """

  private func pipeline(_ exports: [String: String]) throws -> (Pipeline, TemporaryFolder) {
    let folder = try TemporaryFolder()
    let spec = try folder.write(
      "spec.yml",
      "survey: t\ninputs: {folder: in, wave: {file_name: \"vague-(\\\\d{4})\"}}\ncodebook: codebook.yml\n")
    try folder.write("codebook.yml", Self.codebook)
    for (name, text) in exports {
      try folder.write("in/" + name, text)
    }
    return (try Pipeline.load(spec), folder)
  }

  @Test func twoSourcesOfOneVariableFailTheWaveNamingBoth() throws {
    let (pipeline, folder) = try pipeline([
      "vague-2023.csv": "id,region,q\n1,1,1\n2,2,2\n",
      "vague-2024.csv": "id,REGION,q,region\n1,1,1,2\n2,2,2,1\n",
    ])
    defer { folder.remove() }
    let results = try PipelineRunner(pipeline: pipeline).run(through: .clean)
    #expect(results.map(\.file.wave) == ["2023", "2024"])
    #expect(results[0].problem == nil)
    #expect(results[0].cleaned?.rowsClean == 2)
    let file = folder.path + "/in/vague-2024.csv"
    let message = "columns 'REGION' and 'region' are both sources of variable 'region': keep one of them in the export"
    #expect(results[1].problem == "\(file):1: \(message)")
    #expect(results[1].cleaned == nil)
    #expect(pipeline.checkInputs().map(\.description) == ["\(file):1: \(message)"])
  }

  @Test func threeSourcesAreAllNamed() throws {
    let (pipeline, folder) = try pipeline(["vague-2024.csv": "ID,id,REGION,q,region,Région\n1,1,1,1,2,2\n"])
    defer { folder.remove() }
    let file = folder.path + "/in/vague-2024.csv"
    #expect(
      pipeline.checkInputs().map(\.description) == [
        "\(file):1: columns 'ID' and 'id' are both sources of variable 'id': keep one of them in the export",
        "\(file):1: columns 'REGION', 'region' and 'Région' are all sources of variable 'region': keep one of them "
          + "in the export",
      ])
  }
}
