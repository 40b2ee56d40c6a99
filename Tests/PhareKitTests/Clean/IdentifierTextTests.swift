import Testing

@testable import PhareKit

/// Respondent ids are text: never read as numbers, compared and written byte for byte.
@Suite struct IdentifierTextTests {
  /// Ids above 2^53 (9007199254740992 and 9007199254740993 are one Double), 16 digits, leading
  /// zeros and spaces, and ids that would read as the same number (`1`, `1.0`).
  private static let export =
    [
      "id,q",
      "9007199254740993,1",
      "9007199254740992,2",
      "1000000000000001,1",
      " 0012345678901234567 ,2",
      "9007199254740993,2",
      "1.0,1",
      "1,2",
      "1.50,1",
      "1 234,2",
    ].joined(separator: "\n") + "\n"

  private func run(_ export: String, through stage: PipelineStage = .clean) throws -> WaveResult {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try folder.write(
      "spec.yml",
      "survey: t\ninputs: {folder: in, wave: {file_name: \"vague-(\\\\d{4})\"}}\ncodebook: codebook.yml\n"
        + "clean: {quarantine_threshold: 0.5}\n")
    try folder.write(
      "codebook.yml", "variables:\n  id: {type: identifier}\n  q: {type: single, values: {1: Oui, 2: Non}}\n")
    try folder.write("in/vague-2024.csv", export)
    let results = try PipelineRunner(pipeline: try Pipeline.load(spec)).run(through: stage)
    return try #require(results.first)
  }

  @Test func idsAreKeptAndComparedAsWritten() throws {
    let result = try run(Self.export)
    let wave = try #require(result.cleaned)
    #expect(result.problem == nil)
    #expect(wave.rowsClean == 8)
    let ids = try #require(wave.table["id"])
    #expect(
      (0..<wave.rowsClean).map { ids.text(at: $0) } == [
        "9007199254740993", "9007199254740992", "1000000000000001", "0012345678901234567", "1.0", "1", "1.50",
        "1 234",
      ])
    let duplicates = wave.quarantined.map { [String($0.line), $0.rule, $0.message, $0.value ?? ""] }
    #expect(
      duplicates == [["6", "clean.duplicate-id", "identifier already used by the row on line 2", "9007199254740993"]])
    let csv = String(decoding: wave.cleanCSV(labels: false).bytes, as: UTF8.self)
    #expect(csv.hasPrefix("line,id,q\r\n2,9007199254740993,1\r\n3,9007199254740992,2\r\n4,1000000000000001,1\r\n"))
    #expect(csv.contains("\r\n5,0012345678901234567,2\r\n7,1.0,1\r\n8,1,2\r\n9,1.50,1\r\n10,1 234,2\r\n"))
    #expect(!csv.contains("1000000000000001.0"))
  }

  /// Two ids that differ only by Unicode normalisation (é precomposed or e + combining accent) are two ids.
  @Test func idsAreComparedByteForByte() throws {
    let result = try run("id,q\nR\u{00E9}1,1\nRe\u{0301}1,2\nR\u{00E9}1,2\n")
    let wave = try #require(result.cleaned)
    #expect(wave.rowsClean == 2)
    #expect(wave.quarantined.map(\.line) == [4])
    #expect(wave.quarantined.first?.respondentID == "R\u{00E9}1")
  }

  /// Ids Excel displayed in scientific notation lost their digits: every one is quarantined as
  /// such (not the second as a duplicate of the first), the others kept.
  @Test func idsInScientificNotationAreQuarantinedAsSuch() throws {
    let result = try run("id;q\n1,23457E+15;1\n1,23457E+15;2\n9.0072E+18;1\nR1;1\n1E5;2\n2,5;1\n1E+15;2\n1E+05;1\n")
    let wave = try #require(result.cleaned)
    let message =
      "identifier written in scientific notation by a spreadsheet, its digits lost; re-export the identifier "
      + "column as text"
    #expect(
      wave.quarantined.map { [String($0.line), $0.rule, $0.message, $0.value ?? ""] } == [
        ["2", "clean.id-scientific", message, "1,23457E+15"],
        ["3", "clean.id-scientific", message, "1,23457E+15"],
        ["4", "clean.id-scientific", message, "9.0072E+18"],
        ["8", "clean.id-scientific", message, "1E+15"],
      ])
    #expect((0..<wave.rowsClean).map { wave.table["id"]!.text(at: $0) } == ["R1", "1E5", "2,5", "1E+05"])
  }
}
