import Testing

@testable import PhareKit

/// Scientific notation is a number in a numeric column, and a label where the codebook has one.
@Suite struct ScientificNotationTests {
  @Test func numbersInNumericColumnsAndLabelsInCodedOnes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try folder.write(
      "spec.yml", "survey: t\ninputs: {folder: in, wave: {file_name: \"vague-(\\\\d{4})\"}}\ncodebook: codebook.yml\n")
    try folder.write(
      "codebook.yml",
      "variables:\n  id: {type: identifier}\n  ref: {type: single, values: {1: '2E5', 2: '3E2', 3: A4}}\n"
        + "  montant: {type: numeric}\n")
    try folder.write("in/vague-2024.csv", "id;ref;montant\nR1;2E5;1e+05\nR2;3E2;1,5E+03\nR3;A4;2\nR4;3e2;7\n")
    let pipeline = try Pipeline.load(spec)
    let file = try #require(pipeline.waves.first)
    let ingest = try CSVReader(textColumns: pipeline.codebook.textColumns).read(file.path)
    let wave = try CleanStage(pipeline: pipeline).run(ingest, wave: file)
    #expect(wave.quarantined.map(\.message) == [])
    #expect((0..<4).map { wave.table["ref"]!.number(at: $0) } == [1, 2, 3, 2])
    #expect((0..<4).map { wave.table["montant"]!.number(at: $0) } == [100_000, 1500, 2, 7])
    // Ingest keeps the text as written, for inspect and quarantine.csv.
    #expect((0..<4).map { ingest.table["ref"]!.text(at: $0) } == ["2E5", "3E2", "A4", "3e2"])
  }
}
