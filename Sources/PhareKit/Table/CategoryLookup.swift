/// Category index of a packed margin key: a direct table when keys are small (single
/// variables), a dictionary otherwise (crossings).
struct CategoryLookup {
  private static let directLimit = 1 << 22
  private let table: [Int32]
  private let dictionary: [Int: Int32]

  init(keys: [Int]) {
    let largest = keys.max() ?? 0
    if largest < Self.directLimit {
      var table = [Int32](repeating: -1, count: largest + 1)
      for (index, key) in keys.enumerated() where key >= 0 { table[key] = Int32(index) }
      self.table = table
      dictionary = [:]
    } else {
      table = []
      dictionary = Dictionary(keys.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
    }
  }

  subscript(key: Int) -> Int32? {
    if table.isEmpty { return dictionary[key] }
    guard key >= 0 && key < table.count, table[key] >= 0 else { return nil }
    return table[key]
  }
}
