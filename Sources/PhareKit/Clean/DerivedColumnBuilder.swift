/// Computes a derived variable (net, recode, crossing) from clean columns, row by row.
enum DerivedColumnBuilder {
  static func build(_ derived: DerivedVariable, from columns: [CleanColumn], dontKnow: DontKnowPolicy) -> CleanColumn {
    func input(_ name: String) -> CleanColumn { columns.first { $0.variable.name == name }! }
    let values: [Double?]
    let labels: [ValueLabel]
    var domain: String?
    switch derived.rule {
    case .net(let of, let codes):
      let source = input(of)
      domain = source.variable.domain
      labels = [ValueLabel(code: 0, label: "Non"), ValueLabel(code: 1, label: derived.label)]
      values = rows(source).map { row in
        guard let value = source.number(row) else { return nil }
        if !source.variable.isInBase(value, dontKnow: dontKnow) { return nil }
        return codes.contains { Double($0) == value } ? 1 : 0
      }
    case .recode(let of, let bands):
      let source = input(of)
      domain = source.variable.domain
      // Several bands may share a code (one category from separate ranges): one label per code.
      labels = bands.reduce(into: []) { labels, band in
        if !labels.contains(where: { $0.code == band.code }) {
          labels.append(ValueLabel(code: band.code, label: band.label))
        }
      }
      values = rows(source).map { row in
        guard let value = source.number(row), source.variable.isInBase(value, dontKnow: .exclude) else { return nil }
        return bands.first { $0.lower <= value && value <= $0.upper }.map { Double($0.code) }
      }
    case .cross(let names):
      let sources = names.map(input)
      let combinations = crossings(of: sources.map(\.variable.values))
      labels = combinations.enumerated().map { index, parts in
        ValueLabel(code: index + 1, label: parts.map(\.label).joined(separator: " × "))
      }
      let codeOf = Dictionary(
        uniqueKeysWithValues: combinations.enumerated().map { index, parts in (parts.map(\.code), index + 1) })
      values = rows(sources[0]).map { row in
        let codes = sources.map { $0.number(row).map(Int.init) }
        guard codes.allSatisfy({ $0 != nil }) else { return nil }
        return codeOf[codes.map { $0! }].map(Double.init)
      }
    }
    let variable = CleanVariable(
      name: derived.name, label: derived.label, kind: .single, values: labels, missingCodes: [], domain: domain)
    return CleanColumn(variable: variable, storage: .numbers(values))
  }

  private static func rows(_ column: CleanColumn) -> Range<Int> {
    switch column.storage {
    case .numbers(let values): return values.indices
    case .texts(let values): return values.indices
    }
  }

  /// Every combination of one value from each list, the first list varying slowest.
  private static func crossings(of lists: [[ValueLabel]]) -> [[ValueLabel]] {
    lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
  }
}
