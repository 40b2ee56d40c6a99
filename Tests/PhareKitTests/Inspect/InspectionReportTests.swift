import Testing

@testable import PhareKit

@Suite struct InspectionReportTests {
  @Test func summarisesColumnsAndLimitsTheListedQuarantine() throws {
    let report = InspectionReport(try CSVReader().read(Fixtures.ingest("bad-rows.csv")))
    #expect(report.rows == InspectionReport.Rows(read: 8, kept: 4, quarantined: 4, blankLines: 1))
    #expect(report.columns.map(\.name) == ["id", "a", "b"])
    #expect(report.columns[0].minimum == 1 && report.columns[0].maximum == 8)
    #expect(report.columns[1].distinct == 2 && report.columns[1].minimum == nil)
    #expect(report.quarantined.count == 4)
    let text = report.text(quarantineLimit: 2)
    #expect(text.contains("Quarantined rows (2 of 4 shown)"))
    #expect(text.contains("line 6: malformed quoting"))
    #expect(!text.contains("line 9:"))
  }

  @Test func multiLineRawTextStaysOnOneLine() throws {
    let result = try CSVReader().read(Fixtures.ingest("unterminated-quote.csv"))
    #expect(
      InspectionReport(result, showingRawText: true).text(quarantineLimit: 10).contains("    2,\"never closed⏎3,y"))
    #expect(!InspectionReport(result).text(quarantineLimit: 10).contains("2,\"never"))
  }
}
