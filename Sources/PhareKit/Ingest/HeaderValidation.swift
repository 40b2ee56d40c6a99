/// Checks the header line's column names: none empty, none repeated.
enum HeaderValidation {
  static func validate(_ header: [[UInt8]], file: String) throws {
    let names = header.map { String(decoding: $0, as: UTF8.self).trimmingSpaces() }
    let empty = names.indices.filter { names[$0].isEmpty }.map { $0 + 1 }
    if !empty.isEmpty {
      throw IngestError.emptyColumnNames(file: file, positions: empty)
    }
    var seen = Set<String>()
    var duplicates: [String] = []
    for name in names where !seen.insert(name).inserted && !duplicates.contains(name) {
      duplicates.append(name)
    }
    if !duplicates.isEmpty {
      throw IngestError.duplicateColumnNames(file: file, names: duplicates)
    }
  }
}
