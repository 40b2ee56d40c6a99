/// Rows grouped by a tuple of small indices (one per column of `indices`), groups numbered in
/// order of first appearance: the calibration cells of a wave, the groups of an estimation.
struct RowGrouping {
  /// Direct lookup tables up to this many combinations (16 MB); a dictionary beyond.
  private static let directLimit = 1 << 22

  let groupOfRow: [Int32]
  /// Per group, its tuple of indices.
  let tuples: [[Int]]

  /// - Parameters:
  ///   - indices: for each component, every row's index in `0 ..< radices[component]`.
  init(indices: [[Int32]], radices: [Int], rows: Int) {
    var places: [Int] = []
    var combinations = 1
    for radix in radices {
      places.append(combinations)
      combinations = combinations.multipliedReportingOverflow(by: radix).overflow ? Int.max : combinations * radix
    }
    var direct = combinations <= Self.directLimit ? [Int32](repeating: -1, count: combinations) : []
    var groupOfKey: [Int: Int32] = [:]
    var groupOfRow = [Int32](repeating: 0, count: rows)
    var tuples: [[Int]] = []
    var lastKey = -1
    var lastGroup: Int32 = 0
    for row in 0..<rows {
      var key = 0
      for component in indices.indices { key += Int(indices[component][row]) * places[component] }
      if key != lastKey {
        var group = direct.isEmpty ? groupOfKey[key] ?? -1 : direct[key]
        if group < 0 {
          group = Int32(tuples.count)
          tuples.append(indices.map { Int($0[row]) })
          if direct.isEmpty { groupOfKey[key] = group } else { direct[key] = group }
        }
        lastKey = key
        lastGroup = group
      }
      groupOfRow[row] = lastGroup
    }
    self.groupOfRow = groupOfRow
    self.tuples = tuples
  }
}
