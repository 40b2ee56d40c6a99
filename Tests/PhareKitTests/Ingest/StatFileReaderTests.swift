import Foundation
import Testing

@testable import PhareKit

/// SPSS and Stata waves written by R haven (`Fixtures/spss/`), read through ReadStat and compared
/// with the CSV exports of the same data read by `CSVReader`.
@Suite struct StatFileReaderTests {
  static func spss(_ name: String) -> String { Fixtures.repository + "/Fixtures/spss/" + name }

  /// The reader of a shipped pipeline (its codebook's text, personal and missing-code columns).
  static func reader(_ spec: String) throws -> ExportReader {
    try Pipeline.load(Fixtures.pipelines(spec)).exportReader
  }

  @Test(arguments: [
    ("maires-2016.sav", "institutions.yml", 309, 33), ("maires-2016.zsav", "institutions.yml", 309, 33),
    ("maires-2016.dta", "institutions.yml", 309, 33), ("citoyens-2015.sav", "citoyens.yml", 3009, 57),
    ("citoyens-2015.dta", "citoyens.yml", 3009, 57),
  ])
  func readsEveryCaseAndVariable(file: String, spec: String, rows: Int, columns: Int) throws {
    let result = try Self.reader(spec).read(Self.spss(file))
    #expect(result.rowsRead == rows && result.rowsKept == rows && result.quarantined.isEmpty)
    #expect(result.table.schema.fields.count == columns)
    #expect(result.sourceLines.first == 2 && result.sourceLines.last == Int32(rows + 1))
    #expect(result.headerLine == 1 && result.notes.isEmpty)
  }

  /// Every cell of every column both have equals the CSV export's, row by row, once the CSV rows
  /// the typed file cannot hold (text in a numeric column) are left out; the names are the header's.
  @Test(arguments: [
    ("maires-2016.sav", "institutions.yml", "institutions/maires-2016.csv", ["M1140"]),
    ("maires-2016.dta", "institutions.yml", "institutions/maires-2016.csv", ["M1140"]),
    ("citoyens-2015.sav", "citoyens.yml", "citoyens/citoyens-2015.csv", ["C10789", "C10860", "C11983"]),
    ("citoyens-2015.dta", "citoyens.yml", "citoyens/citoyens-2015.csv", ["C10789", "C10860", "C11983"]),
  ])
  func cellsAreTheCSVExportsCells(file: String, spec: String, csv: String, leftOut: [String]) throws {
    let reader = try Self.reader(spec)
    let typed = try reader.read(Self.spss(file)).table
    let export = try reader.csv.read(Fixtures.repository + "/Fixtures/" + csv).table
    #expect(typed.schema.fields.map(\.name) == export.schema.fields.map(\.name))
    let ids = try #require(export.columns.first)
    let rows = (0..<export.rowCount).filter { !leftOut.contains(ids.text(at: $0) ?? "") }
    #expect(rows.count == typed.rowCount)
    var compared = 0
    for (name, column) in zip(export.schema.fields.map(\.name), export.columns) {
      let read = try #require(typed[name])
      let differing = rows.indices.filter { read.text(at: $0) != column.text(at: rows[$0]) }
      #expect(differing.isEmpty, "\(file) \(name): rows \(differing.prefix(5)) differ")
      compared += rows.count
    }
    #expect(compared == typed.rowCount * typed.schema.fields.count)
  }

  /// SPSS user-missing codes keep their value; Stata's `.a` « Ne sait pas » becomes the codebook's 9 or 99.
  @Test(arguments: ["maires-2016.sav", "maires-2016.zsav", "maires-2016.dta"])
  func missingCodesStayDistinctFromBlanks(file: String) throws {
    let table = try Self.reader("institutions.yml").read(Self.spss(file)).table
    let q5 = try #require(table["q5"])
    #expect((0..<table.rowCount).filter { q5.number(at: $0) == 9 }.count == 7)
    #expect(q5.missingCount == 74)
    let q3 = try #require(table["q3"])
    #expect((0..<table.rowCount).filter { q3.number(at: $0) == 9 }.count == 9)
    let q8 = try #require(table["q8"])
    #expect((0..<table.rowCount).filter { q8.text(at: $0) == "99" }.count == 58)
  }

  @Test(arguments: ["citoyens-2015.sav", "citoyens-2015.dta"])
  func citizensMissingCodes(file: String) throws {
    let table = try Self.reader("citoyens.yml").read(Self.spss(file)).table
    let importance = try #require(table["importance_07"])
    #expect((0..<table.rowCount).filter { importance.number(at: $0) == 99 }.count == 70)
    #expect(importance.missingCount == 3)
    let alliances = try #require(table["alliances"])
    #expect((0..<table.rowCount).filter { alliances.number(at: $0) == 9 }.count == 249)
  }

  /// Personal columns keep only whether a cell is filled; identifiers keep their text.
  @Test func personalColumnsKeepOnlyPresence() throws {
    let table = try Self.reader("institutions.yml").read(Self.spss("maires-2016.sav")).table
    for name in ["NOM", "TEL", "EMAIL"] {
      guard case .categorical(let column) = try #require(table[name]) else {
        Issue.record("\(name) is not presence-only")
        continue
      }
      #expect(column.levels == [ColumnBuilder.personalDataLevel])
    }
    guard case .text(let ids) = try #require(table["ID_REPONDANT"]) else {
      Issue.record("ID_REPONDANT is not text")
      return
    }
    #expect(ids.values.first == "M1000")
  }

  /// Without a codebook (`phare inspect`) a tagged missing value is blank, with a note.
  @Test func taggedValuesWithoutCodebookAreBlank() throws {
    let result = try StatFileReader().read(Self.spss("maires-2016.dta"), as: .dta)
    #expect(result.notes == ["98 cells hold Stata missing values .a to .z in columns no codebook reads; read as blank"])
    #expect(result.table["q3"]?.missingCount == 9)
  }

  /// A tag whose label is none of the codebook's missing codes quarantines its case, naming both.
  @Test func aTagMatchingNoCodeQuarantinesItsCase() throws {
    let reader = StatFileReader(
      missingCodes: ["q3": [ValueLabel(code: 8, label: "Refus"), ValueLabel(code: 9, label: "Sans opinion")]])
    let result = try reader.read(Self.spss("maires-2016.dta"), as: .dta)
    #expect(result.rowsRead == 309 && result.rowsKept == 300 && result.rowsQuarantined == 9 && result.isBalanced)
    let first = try #require(result.quarantined.first)
    #expect(first.rule == "ingest.tagged-missing" && first.value == ".a" && first.variable == "q3")
    #expect(
      first.message
        == "'q3' holds Stata's missing value .a « Ne sait pas », a label none of the codebook's missing codes of "
        + "this column has (8 « Refus », 9 « Sans opinion »)")
    #expect(!result.sourceLines.contains(Int32(first.line)))
    #expect(result.table.columns.allSatisfy { $0.count == 300 })
  }

  /// An unlabelled tag is the column's only missing code; a labelled tag matches by its label
  /// (`Tests/Fixtures/spss/tagged-missing.dta`: q3 = 1, 2, `.a` unlabelled, `.b` « Refus »).
  @Test func anUnlabelledTagIsTheOnlyMissingCode() throws {
    let path = Fixtures.tests + "/Fixtures/spss/tagged-missing.dta"
    let refusal = ValueLabel(code: 8, label: "Refus")
    let one = try StatFileReader(missingCodes: ["q3": [ValueLabel(code: 9, label: "Ne sait pas")]]).read(path, as: .dta)
    #expect(one.rowsRead == 4 && one.rowsKept == 3 && one.sourceLines == [2, 3, 4])
    #expect(one.table["q3"].map { q3 in (0..<3).map { q3.number(at: $0) } } == [1, 2, 9])
    #expect(one.quarantined.map(\.line) == [5] && one.quarantined.first?.value == ".b")
    let both = try StatFileReader(missingCodes: ["q3": [refusal, ValueLabel(code: 9, label: "Ne sait pas")]])
      .read(path, as: .dta)
    #expect(both.table["q3"].map { q3 in (0..<3).map { q3.number(at: $0) } } == [1, 2, 8])
    #expect(
      both.quarantined.map(\.message) == [
        "'q3' holds Stata's missing value .a, which the file does not label, and the codebook has several missing "
          + "codes for this column (8 « Refus », 9 « Ne sait pas »): label .a in the file with one of them"
      ])
    let none = try StatFileReader(missingCodes: ["q3": []]).read(path, as: .dta)
    #expect(
      none.quarantined.map(\.message) == [
        "'q3' holds Stata's missing value .a, but the codebook declares no missing code for this column",
        "'q3' holds Stata's missing value .b, but the codebook declares no missing code for this column",
      ])
    #expect(none.rowsKept == 2 && none.isBalanced)
  }

  @Test func valueLabelsAreReturned() throws {
    let dictionary = try #require(try Self.reader("institutions.yml").read(Self.spss("maires-2016.dta")).dictionary)
    #expect(dictionary.description == "Stata .dta release 118, UTF-8")
    let region = try #require(dictionary.valueLabels["Région"])
    #expect(region.count == 13)
    #expect(region.first == StatValueLabel(value: "11", number: 11, label: "Île-de-France"))
    #expect(
      dictionary.valueLabels["q3"]?.last == StatValueLabel(value: ".a", number: nil, tag: "a", label: "Ne sait pas"))
    let sav = try #require(try Self.reader("institutions.yml").read(Self.spss("maires-2016.sav")).dictionary)
    #expect(sav.description == "SPSS .sav, UTF-8")
    #expect(sav.valueLabels["q8"]?.last == StatValueLabel(value: "99", number: 99, label: "Pas de réponse"))
    #expect(sav.userMissingValues["q3"] == [9] && sav.userMissingValues["q8"] == [99])
    #expect(sav.userMissingValues.count == 16 + 4 && dictionary.userMissingValues.isEmpty)
    let codebook = try Pipeline.load(Fixtures.pipelines("institutions.yml")).codebook
    #expect(
      sav.variableLabels["q3"] == codebook["q3"]?.label && dictionary.variableLabels["q3"] == codebook["q3"]?.label)
    #expect(sav.variableLabels["NOM"] == nil && sav.variableLabels["q1_citoyens"] == "Les citoyens")
  }

  @Test(arguments: [
    (
      "truncated.sav",
      "not a readable SPSS .sav file: File did not contain the expected number of rows (its dictionary announces "
        + "309 cases, ReadStat read 0: the file is cut short or damaged)"
    ),
    ("corrupted.sav", "not a readable SPSS .sav file: Invalid file, or file has unsupported features"),
    (
      "not-a-sav.sav",
      "not a readable SPSS .sav file: Invalid file, or file has unsupported features (it does not start with $FL2 "
        + "or $FL3, as SPSS system files do: not an SPSS file renamed .sav?)"
    ),
    (
      "old-version.dta",
      "not a readable Stata .dta file: This version of the file format is not supported (release 100; ReadStat "
        + "reads Stata files of release 104 to 119)"
    ),
  ])
  func badFilesFailWithOneLine(file: String, problem: String) throws {
    let path = Self.spss(file)
    do {
      _ = try Self.reader("institutions.yml").read(path)
      Issue.record("\(file) was read")
    } catch let error as IngestError {
      #expect(error.description == "\(path): \(problem)")
    }
  }

  /// A file in SPSS 21's encrypted wrapper (the 36-byte header of PSPP's developers' guide,
  /// "Encrypted File Wrappers", then AES blocks, here the mayors' file's bytes stand in for them)
  /// is named as encrypted, with the way to decrypt it.
  @Test func anEncryptedFileIsNamedAsSuch() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var header: [UInt8] = [0x1c, 0, 0, 0, 0, 0, 0, 0] + Array("ENCRYPTEDSAV".utf8) + [0x15]
    header += [UInt8](repeating: 0, count: 36 - header.count)
    let body = try Data(contentsOf: URL(fileURLWithPath: Self.spss("maires-2016.sav")))
    let path = folder.path + "/maires-2016.sav"
    try (Data(header) + body.prefix(4096)).write(to: URL(fileURLWithPath: path))
    let error = try #require(throws: IngestError.self) { try StatFileReader().read(path, as: .sav) }
    #expect(
      error.description
        == "\(path): not a readable SPSS .sav file: it is encrypted with a password (SPSS 21 or later), which "
        + "ReadStat cannot read: save it unencrypted from SPSS, or decrypt it with PSPP (pspp-convert -p PASSWORD "
        + "in.sav out.sav)")
  }

  /// A Stata file cut anywhere, in its value labels too (which ReadStat reads short without a word),
  /// is refused as cut short.
  @Test(arguments: [1, 2_000, 67_000, 100_000, 130_000, 135_235])
  func aStataFileCutAnywhereIsCutShort(bytes: Int) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let whole = try Data(contentsOf: URL(fileURLWithPath: Self.spss("maires-2016.dta")))
    #expect(whole.count == 135_236)
    let path = folder.path + "/maires-2016.dta"
    try whole.prefix(bytes).write(to: URL(fileURLWithPath: path))
    let error = try #require(throws: IngestError.self) { try StatFileReader().read(path, as: .dta) }
    #expect(error.description.hasPrefix("\(path): not a readable Stata .dta file: "))
    if bytes >= 11 {
      #expect(
        error.description.hasSuffix(
          "it is cut short: a Stata file of release 117 or later ends with </stata_dta>, this one does not"))
    }
  }

  /// A Stata file of a release ReadStat does not read names it, old (a first byte) or new (a tag).
  @Test func anUnreadStataReleaseIsNamed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/maires-2016.dta"
    let whole = try Data(contentsOf: URL(fileURLWithPath: Self.spss("maires-2016.dta")))
    let tag = Data("<release>118</release>".utf8)
    let at = try #require(whole.range(of: tag))
    var changed = whole
    changed.replaceSubrange(at, with: Data("<release>121</release>".utf8))
    try changed.write(to: URL(fileURLWithPath: path))
    let error = try #require(throws: IngestError.self) { try StatFileReader().read(path, as: .dta) }
    #expect(error.description.hasSuffix("(release 121; ReadStat reads Stata files of release 104 to 119)"))
  }

  @Test func aMissingOrEmptyFileIsNamed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let empty = try folder.write("empty.sav", "")
    #expect(throws: IngestError.unreadableStatFile(file: empty, format: .sav, reason: "it is empty (0 bytes)")) {
      try StatFileReader().read(empty, as: .sav)
    }
    // Cut inside its dictionary, the file says where it ends.
    let cut = folder.path + "/cut.sav"
    try Data(try Data(contentsOf: URL(fileURLWithPath: Self.spss("maires-2016.sav"))).prefix(2_000))
      .write(to: URL(fileURLWithPath: cut))
    let error = try #require(throws: IngestError.self) { try StatFileReader().read(cut, as: .sav) }
    #expect(
      error.description
        == "\(cut): not a readable SPSS .sav file: Unable to read from file (the file ends after 2000 bytes: cut "
        + "short?)")
    let missing = folder.path + "/missing.dta"
    #expect(throws: IngestError.fileNotFound(file: missing)) { try ExportReader(csv: CSVReader()).read(missing) }
  }

  /// A file whose text is Windows-1252 (PSPP, `Tests/Fixtures/spss/windows-1252.sps`) is read in
  /// the encoding it declares; `inputs.encoding: utf-8` overriding it is refused.
  @Test func theFilesOwnEncodingIsHonoured() throws {
    let path = Fixtures.tests + "/Fixtures/spss/windows-1252.sav"
    let result = try StatFileReader().read(path, as: .sav)
    #expect(result.dictionary?.characterEncoding == "WINDOWS-1252" && result.dialect.encoding == .windows1252)
    #expect(result.table["commune"].map { column in (0..<2).map { column.text(at: $0) } } == ["Île-de-France", "Sète"])
    #expect(result.dictionary?.valueLabels["region"]?.first?.label == "Île-de-France")
    let reason = "Unable to convert string to the requested encoding (invalid byte sequence)"
    #expect(throws: IngestError.unreadableStatFile(file: path, format: .sav, reason: reason)) {
      try StatFileReader(encoding: .utf8).read(path, as: .sav)
    }
  }

  @Test func theFormatIsTheExtensions() {
    #expect(StatFileFormat(path: "waves/maires-2016.SAV") == .sav)
    #expect(StatFileFormat(path: "maires.zsav") == .zsav)
    #expect(StatFileFormat(path: "/data/w.dta") == .dta)
    #expect(StatFileFormat(path: "maires-2016.csv") == nil)
    #expect(StatFileFormat(path: "exports.sav/maires") == nil)
    #expect(StatFileFormat(path: "sav") == nil)
  }
}
