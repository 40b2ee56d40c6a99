import CXLSXWriter
import Foundation

/// An Excel workbook written by libxlsxwriter (Debian `libxlsxwriter-dev`): sheets of numbers and
/// text with cell formats, merged ranges and links between sheets. Every call's error is thrown,
/// naming the file; `close()` writes the file.
final class XLSXWorkbook {
  /// One sheet: cells addressed by 0-based row and column.
  struct Sheet {
    fileprivate let sheet: UnsafeMutablePointer<lxw_worksheet>
    fileprivate let workbook: XLSXWorkbook

    func number(_ value: Double, _ row: Int, _ column: Int, _ format: Format? = nil) throws {
      try workbook.check(worksheet_write_number(sheet, row32(row), col16(column), value, format?.pointer))
    }

    func text(_ value: String, _ row: Int, _ column: Int, _ format: Format? = nil) throws {
      try workbook.check(worksheet_write_string(sheet, row32(row), col16(column), value, format?.pointer))
    }

    /// One text over `columns` merged cells of `row`.
    func merged(_ value: String, _ row: Int, _ columns: ClosedRange<Int>, _ format: Format) throws {
      guard columns.count > 1 else { return try text(value, row, columns.lowerBound, format) }
      try workbook.check(
        worksheet_merge_range(
          sheet, row32(row), col16(columns.lowerBound), row32(row), col16(columns.upperBound), value, format.pointer))
    }

    /// A link to cell A1 of another sheet of the workbook, showing `value`.
    func link(to sheetName: String, showing value: String, _ row: Int, _ column: Int, _ format: Format) throws {
      let target = "internal:'\(sheetName.replacingOccurrences(of: "'", with: "''"))'!A1"
      try workbook.check(
        worksheet_write_url_opt(sheet, row32(row), col16(column), target, format.pointer, value, nil))
    }

    /// The width of `columns`, in characters of the default font.
    func width(_ width: Double, _ columns: ClosedRange<Int>) throws {
      try workbook.check(
        worksheet_set_column(sheet, col16(columns.lowerBound), col16(columns.upperBound), width, nil))
    }

    /// Rows above `row` and columns left of `column` stay in view when scrolling.
    func freeze(_ row: Int, _ column: Int) {
      worksheet_freeze_panes(sheet, row32(row), col16(column))
    }

    private func row32(_ row: Int) -> lxw_row_t { lxw_row_t(row) }
    private func col16(_ column: Int) -> lxw_col_t { lxw_col_t(column) }
  }

  /// A cell format (number format, font, alignment), owned by the workbook.
  struct Format {
    fileprivate let pointer: UnsafeMutablePointer<lxw_format>

    func numberFormat(_ code: String) -> Format {
      format_set_num_format(pointer, code)
      return self
    }
    func bold() -> Format {
      format_set_bold(pointer)
      return self
    }
    func italic() -> Format {
      format_set_italic(pointer)
      return self
    }
    func size(_ points: Double) -> Format {
      format_set_font_size(pointer, points)
      return self
    }
    func centred() -> Format {
      format_set_align(pointer, UInt8(LXW_ALIGN_CENTER.rawValue))
      return self
    }
    func wrapped() -> Format {
      format_set_text_wrap(pointer)
      format_set_align(pointer, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
      return self
    }
    func underlined() -> Format {
      format_set_underline(pointer, UInt8(LXW_UNDERLINE_SINGLE.rawValue))
      return self
    }
  }

  /// Where the file is written, for error messages.
  let path: String
  private var workbook: UnsafeMutablePointer<lxw_workbook>?

  /// - Parameters:
  ///   - created: the creation time written in the document's properties.
  ///   - title: the document's title property.
  /// - Throws: `FileWriteError` when libxlsxwriter cannot start the workbook.
  init(path: String, title: String, created: Date) throws {
    self.path = path
    var options = lxw_workbook_options(constant_memory: 0, tmpdir: nil, use_zip64: 0)
    guard let workbook = workbook_new_opt(path, &options) else {
      throw FileWriteError(path: path, reason: "libxlsxwriter could not create the workbook")
    }
    self.workbook = workbook
    try title.withCString { titlePointer in
      try "phare".withCString { author in
        var properties = lxw_doc_properties()
        properties.title = UnsafeMutablePointer(mutating: titlePointer)
        properties.author = UnsafeMutablePointer(mutating: author)
        properties.created = time_t(created.timeIntervalSince1970.rounded(.down))
        try check(workbook_set_properties(workbook, &properties))
      }
    }
  }

  deinit {
    // A workbook never closed (an error while filling it) is freed without writing anything.
    if let workbook { lxw_workbook_free(workbook) }
  }

  /// A new sheet named `name` (at most 31 characters, none of `[]:*?/\`, unique ignoring case).
  func sheet(_ name: String) throws -> Sheet {
    guard let workbook else { throw FileWriteError(path: path, reason: "the workbook is closed") }
    try check(workbook_validate_sheet_name(workbook, name))
    guard let sheet = workbook_add_worksheet(workbook, name) else {
      throw FileWriteError(path: path, reason: "libxlsxwriter could not add the sheet '\(name)'")
    }
    return Sheet(sheet: sheet, workbook: self)
  }

  func format() -> Format {
    Format(pointer: workbook_add_format(workbook))
  }

  /// Writes the file and frees the workbook.
  /// - Throws: `FileWriteError` with libxlsxwriter's reason.
  func close() throws {
    guard let workbook else { return }
    self.workbook = nil
    try check(workbook_close(workbook))
  }

  fileprivate func check(_ error: lxw_error) throws {
    guard error != LXW_NO_ERROR else { return }
    throw FileWriteError(path: path, reason: String(cString: lxw_strerror(error)))
  }
}
