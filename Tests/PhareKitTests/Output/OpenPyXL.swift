import Foundation
import TestSupport

/// openpyxl (Debian `python3-openpyxl`, installed by `make test-deps`), an independent reader of the
/// Excel workbooks phare writes: every sheet's cells, with their number formats, as Excel stores them.
struct OpenPyXL {
  /// One cell: a number or a text, and its number format.
  struct Cell: Equatable {
    var number: Double?
    var text: String?
    var format: String
  }

  /// A sheet's cells by 0-based row and column (nil where empty), its merged ranges and frozen cell.
  struct Sheet {
    var name: String
    var rows: [[Cell?]]
    var frozenAt: String?
    /// Internal links: cell → target (`'sheet'!A1`).
    var links: [String: String]

    func cell(_ row: Int, _ column: Int) -> Cell? {
      row < rows.count && column < rows[row].count ? rows[row][column] : nil
    }
  }

  private static let script = """
    import json, sys, openpyxl
    book = openpyxl.load_workbook(sys.argv[1])
    sheets = []
    for sheet in book.worksheets:
        rows = [[None if c.value is None else {"v": c.value, "f": c.number_format} for c in row]
                for row in sheet.iter_rows()]
        links = {c.coordinate: c.hyperlink.location for row in sheet.iter_rows() for c in row if c.hyperlink}
        sheets.append({"name": sheet.title, "rows": rows, "frozen": sheet.freeze_panes, "links": links})
    json.dump(sheets, sys.stdout)
    """

  /// Reads every sheet of the workbook at `path`.
  /// - Throws: when Debian's python3 or openpyxl cannot read it (its message in the error).
  static func read(_ path: String) throws -> [Sheet] {
    // Debian's interpreter, which has python3-openpyxl, not whichever python3 comes first on PATH.
    let run = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script, path])
    guard run.status == 0 else { throw OpenPyXLError(message: run.stderr) }
    guard case .array(let sheets) = try JSONValue.parse(run.stdout) else {
      throw OpenPyXLError(message: "not a list of sheets")
    }
    return sheets.map { sheet in
      var rows: [[Cell?]] = []
      if case .array(let rowValues)? = sheet["rows"] {
        for case .array(let cells) in rowValues {
          rows.append(
            cells.map { cell in
              guard case .string(let format)? = cell["f"] else { return nil }
              switch cell["v"] {
              case .number(let number)?: return Cell(number: number, text: nil, format: format)
              case .string(let text)?: return Cell(number: nil, text: text, format: format)
              default: return nil
              }
            })
        }
      }
      var links: [String: String] = [:]
      if case .object(let members)? = sheet["links"] {
        for case (let cell, .string(let target)) in members { links[cell] = target }
      }
      var frozen: String?
      if case .string(let cell)? = sheet["frozen"] { frozen = cell }
      var name = ""
      if case .string(let text)? = sheet["name"] { name = text }
      return Sheet(name: name, rows: rows, frozenAt: frozen, links: links)
    }
  }
}

struct OpenPyXLError: Error, CustomStringConvertible {
  var message: String
  var description: String { "openpyxl could not read the workbook: \(message)" }
}
