/// Checks the header line's column names: none empty, none repeated. Empty names after the last
/// named column (Excel's `a;b;c;;;;`) are left to `TableAssembler`, which drops those columns
/// when their cells are all empty.
enum HeaderValidation {
  static func validate(_ header: [[UInt8]], file: String, line: Int) throws {
    let names = header.map { String(decoding: $0, as: UTF8.self).trimmingSpaces() }
    let named = namedCount(names)
    let empty = names.indices.filter { names[$0].isEmpty && ($0 < named || named == 0) }.map { $0 + 1 }
    if !empty.isEmpty {
      throw IngestError.emptyColumnNames(file: file, positions: empty, line: line)
    }
    var seen = Set<String>()
    var duplicates: [String] = []
    for name in names[..<named] where !seen.insert(name).inserted && !duplicates.contains(name) {
      duplicates.append(name)
    }
    if !duplicates.isEmpty {
      throw IngestError.duplicateColumnNames(file: file, names: duplicates, line: line)
    }
  }

  /// The columns up to the last one with a name: those after it have empty names.
  static func namedCount(_ names: [String]) -> Int {
    (names.lastIndex { !$0.isEmpty } ?? -1) + 1
  }
}
