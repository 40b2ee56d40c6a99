/// The sampling units of one stage: each weighted row's unit, from a column of cluster ids
/// (numbers, codes or text), numbered in order of first appearance, optionally within a parent
/// (a stratum, or the PSU for stage 2) as R's `interaction(parent, id)`.
struct ClusterUnits {
  private enum ID: Hashable {
    case number(Double)
    case text(String)
  }

  private struct Key: Hashable {
    let parent: Int32
    let id: ID
  }

  let unitOfRow: [Int32]
  /// Per unit: its id as written, `dnum = 12`.
  let names: [String]
  /// Per unit: its first weighted row.
  private let firstRow: [Int]

  var count: Int { names.count }

  /// - Throws: `DesignError` when the column is not in the clean table or a row has no id.
  init(variable: String, wave: CleanWave, rows: WeightedRows, within parentOfRow: [Int32]?) throws {
    guard let column = wave.table[variable] else { throw DesignError.unknownVariable(variable, role: "clusters") }
    var unitOfKey: [Key: Int32] = [:]
    var unitOfRow = [Int32](repeating: 0, count: rows.count)
    var names: [String] = []
    var firstRow: [Int] = []
    for index in 0..<rows.count {
      let row = rows[index]
      let id: ID
      if column.isNumeric, let number = column.number(at: row) {
        id = .number(number)
      } else if !column.isNumeric, let text = column.text(at: row), !text.isEmpty {
        id = .text(text)
      } else {
        throw DesignError.blankValue(variable: variable, line: Int(wave.sourceLines[row]))
      }
      let key = Key(parent: parentOfRow?[index] ?? 0, id: id)
      if let unit = unitOfKey[key] {
        unitOfRow[index] = unit
      } else {
        let unit = Int32(names.count)
        unitOfKey[key] = unit
        unitOfRow[index] = unit
        names.append("\(variable) = \(column.text(at: row) ?? "")")
        firstRow.append(index)
      }
    }
    self.unitOfRow = unitOfRow
    self.names = names
    self.firstRow = firstRow
  }

  /// Per unit: the parent stratum of its rows (0 without one).
  func stratumOfUnit(_ parentOfRow: [Int32]?) -> [Int32] {
    firstRow.map { parentOfRow?[$0] ?? 0 }
  }

  /// Throws when a unit's rows lie in several strata (R: "Clusters not nested in strata at top
  /// level; you may want nest=TRUE.").
  func checkNested(in stratumOfRow: [Int32], names strata: [String], variable: String) throws {
    let home = stratumOfUnit(stratumOfRow)
    for index in unitOfRow.indices where stratumOfRow[index] != home[Int(unitOfRow[index])] {
      let unit = Int(unitOfRow[index])
      let crossed = Set(unitOfRow.indices.filter { unitOfRow[$0] == unit }.map { Int(stratumOfRow[$0]) })
      throw DesignError.clusterInSeveralStrata(
        variable: variable, id: String(names[unit].dropFirst(variable.count + 3)),
        strata: crossed.sorted().map { strata[$0] })
    }
  }
}
