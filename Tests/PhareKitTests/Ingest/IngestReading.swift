@testable import PhareKit

/// What a read gives, compared in full: every column, quarantined row, line, note and the typed
/// file's dictionary, or the error.
struct IngestReading: Equatable {
  var table: ColumnarTable?
  var dialect: Dialect?
  var quarantinedLines: [QuarantinedRow] = []
  var sourceLines: [Int32] = []
  var rowsRead = 0
  var blankLines = 0
  var headerLine = 0
  var notes: [String] = []
  var windows1252Lines: [Int] = []
  var dictionary: StatFileDictionary?
  var error: String?

  init(_ read: () throws -> IngestResult) {
    do {
      self.init(try read())
    } catch {
      self.init(error: "\(error)")
    }
  }

  init(error: String) {
    self.error = error
  }

  init(_ result: IngestResult) {
    table = result.table
    dialect = result.dialect
    quarantinedLines = result.quarantined
    sourceLines = result.sourceLines
    rowsRead = result.rowsRead
    blankLines = result.blankLines
    headerLine = result.headerLine
    notes = result.notes
    windows1252Lines = result.windows1252Lines
    dictionary = result.dictionary
  }
}
