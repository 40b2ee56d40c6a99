import Testing

@testable import PhareKit

/// A new wave's export against a codebook: what it adds, drops or relabels.
@Suite struct CodebookDiffTests {
  @Test func aWaveOfAnotherSurveyDropsAndAddsColumns() throws {
    let codebook = try Codebook.load(file: Fixtures.pipelines("codebooks/institutions.yml"))
    let mayors = try CSVReader().read(Fixtures.repository + "/Fixtures/institutions/maires-2016.csv")
    #expect(
      CodebookDiff(mayors, codebook: codebook).lines == [
        "~ variable 'q4': code(s) 7 in the export, not in the codebook"
      ])
    let citizens = try CSVReader().read(Fixtures.repository + "/Fixtures/citoyens/citoyens-2015.csv")
    let lines = CodebookDiff(citizens, codebook: codebook).lines
    #expect(lines.contains("- variable 'taille' (numeric): no column taille"))
    #expect(lines.contains { $0.hasPrefix("+ column 'importance_01' (") })
  }

  /// An SPSS wave whose region labels contradict the codebook: the diff names each code.
  @Test func anSPSSFileThatRelabelsCodesIsListed() throws {
    let codebook = try Codebook.load(file: Fixtures.pipelines("codebooks/institutions.yml"))
    let path = Fixtures.repository + "/Fixtures/spss/contradicting-labels.sav"
    let lines = CodebookDiff(try ExportReader(codebook: codebook).read(path), codebook: codebook).lines
    #expect(
      lines.filter { $0.hasPrefix("~ variable 'region'") } == [
        "~ variable 'region': code(s) 99 in the export, not in the codebook",
        "~ variable 'region': code 11 labelled « Bretagne » in the file, « Île-de-France » in the codebook",
        "~ variable 'region': code 99 « Étranger » labelled in the file, not in the codebook",
      ])
  }

  @Test func aFileDictionaryThatRelabelsCodesIsListed() throws {
    let codebook = try Codebook.load(file: Fixtures.pipelines("codebooks/institutions.yml"))
    let region = try #require(codebook.variables.first { $0.name == "region" })
    let entry = ColumnDictionary(
      label: "Région", values: [ValueLabel(code: 11, label: "Bretagne"), ValueLabel(code: 99, label: "Étranger")],
      missingCodes: [99])
    #expect(
      CodebookDiff.labelDifferences(region, entry: entry) == [
        "~ variable 'region': code 11 labelled « Bretagne » in the file, « Île-de-France » in the codebook",
        "~ variable 'region': code 99 « Étranger » labelled in the file, not in the codebook",
        "~ variable 'region': missing codes 99 in the file, none in the codebook",
      ])
  }

  /// What the file declares missing is compared in full: its ranges, a code it no longer declares,
  /// and Stata tags labelled as no missing code of the codebook.
  @Test func missingRangesDroppedDeclarationsAndTagsAreListed() throws {
    let codebook = try Codebook.load(file: Fixtures.pipelines("codebooks/institutions.yml"))
    let q4 = try #require(codebook["q4"])
    let ranges = try ExportReader(csv: CSVReader()).read(Fixtures.tests + "/Fixtures/spss/missing-ranges.sav")
    let ranged = try #require(ColumnDictionary("q4", in: ranges.dictionary))
    #expect(ranged.missingRanges == [90...99])
    #expect(
      CodebookDiff.labelDifferences(q4, entry: ranged).filter { $0.contains("missing") || $0.contains("97") } == [
        "~ variable 'q4': code 97 « Refus » labelled in the file, not in the codebook",
        "~ variable 'q4': missing codes 90 THRU 99 in the file, 9 in the codebook",
      ])
    let undeclared = ColumnDictionary(label: nil, values: [ValueLabel(code: 9, label: "Ne sait pas")], missingCodes: [])
    #expect(
      CodebookDiff.labelDifferences(q4, entry: undeclared) == [
        "~ variable 'q4': missing codes none in the file, 9 in the codebook"
      ])
    let relabelled = try ExportReader(codebook: codebook).read(Fixtures.tests + "/Fixtures/spss/unknown-tag.dta")
    #expect(
      CodebookDiff(relabelled, codebook: codebook).lines.filter { $0.hasPrefix("~ variable 'q3'") } == [
        "~ variable 'q3': Stata's missing value .a « Refus » in the file, no missing code of the codebook labelled so"
      ])
  }

  /// A labelled number no codebook code can be, and Stata missing values no missing code stands
  /// for (whose cases the reader quarantines), are listed as `phare validate` and the clean stage
  /// would find them.
  @Test func fractionalLabelsAndUnmappedTagsAreListed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let codebook = try Codebook.load(
      text: """
        variables:
          id: {type: identifier}
          q3:
            type: single
            values: {1: Oui, 2: Non}
            missing: {8: Refus, 9: Ne sait pas}
          q9: {type: single, values: {1: Un, 2: Deux}}
        """, in: folder)
    let ranges = try ExportReader(csv: CSVReader()).read(Fixtures.tests + "/Fixtures/spss/missing-ranges.sav")
    #expect(
      CodebookDiff(ranges, codebook: codebook).lines.filter { $0.contains("'q9'") } == [
        "~ variable 'q9': 1.5 « Un et demi » labelled in the file, which no codebook code (a whole number) can be"
      ])
    let tagged = try ExportReader(codebook: codebook).read(Fixtures.tests + "/Fixtures/spss/tagged-missing.dta")
    #expect(
      CodebookDiff(tagged, codebook: codebook).lines.filter { $0.hasPrefix("~ column") } == [
        "~ column 'q3': 1 case(s) hold Stata missing values (.a) no missing code of the codebook stands for: the "
          + "wave quarantines them"
      ])
  }
}
