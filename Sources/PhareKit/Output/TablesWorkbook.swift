import Foundation

/// `tables.xlsx`: one wave's cross-tables as an Excel workbook — a « Sommaire » sheet listing
/// every table with a link to its sheet, then one sheet per table (`CrossTable+Workbook`), named
/// after the table (cut to Excel's 31 characters, made unique). The same tables give the same
/// bytes: the workbook's creation date is 1980-01-01, the date libxlsxwriter gives every entry of
/// the zip (the generation time is in `manifest.json`).
struct TablesWorkbook {
  var title: String
  var tables: [(name: String, table: CrossTable)]
  var locale: CSVLocale

  static let indexSheet = "Sommaire"
  /// 1980-01-01T00:00:00Z, the zip format's first date.
  static let created = Date(timeIntervalSince1970: 315_532_800)

  /// Writes the workbook to `path`, atomically; returns its size in bytes.
  /// - Throws: `FileWriteError` naming `path`.
  func write(to path: String) throws -> Int {
    try AtomicFile.replacing(path: path) { temporary in
      let workbook = try XLSXWorkbook(path: temporary, title: title, created: Self.created)
      let formats = TableFormats(workbook, locale: locale)
      let names = Self.sheetNames(tables.map(\.name))
      let index = try workbook.sheet(Self.indexSheet)
      try index.text(title, 0, 0, formats.title)
      try index.text("Tableaux croisés (phare \(PhareVersion.current))", 1, 0, formats.note)
      for (column, heading) in ["Feuille", "Titre", "Lignes", "Colonnes"].enumerated() {
        try index.text(heading, 3, column, formats.header)
      }
      for (row, ((_, table), name)) in zip(tables, names).enumerated() {
        try index.link(to: name, showing: name, 4 + row, 0, formats.link)
        try index.text(table.title, 4 + row, 1, formats.label)
        try index.number(Double(table.rows.count), 4 + row, 2, formats.count)
        try index.text(table.groups.map(\.label).joined(separator: ", "), 4 + row, 3, formats.label)
      }
      try index.width(24, 0...0)
      try index.width(70, 1...1)
      try index.width(8, 2...2)
      try index.width(30, 3...3)
      for ((_, table), name) in zip(tables, names) {
        try table.write(into: try workbook.sheet(name), formats: formats)
      }
      try workbook.close()
      return try FileManager.default.attributesOfItem(atPath: temporary)[.size] as? Int ?? 0
    }
  }

  /// The sheet of each table: its name cut to 31 characters, with `~2`, `~3`… where two would be
  /// the same ignoring case (as Excel compares them) or would be the index sheet's.
  static func sheetNames(_ names: [String]) -> [String] {
    var taken: Set<String> = [indexSheet.lowercased()]
    return names.map { name in
      var candidate = String(name.prefix(31))
      var suffix = 2
      while taken.contains(candidate.lowercased()) {
        candidate = String(name.prefix(31 - "~\(suffix)".count)) + "~\(suffix)"
        suffix += 1
      }
      taken.insert(candidate.lowercased())
      return candidate
    }
  }
}
