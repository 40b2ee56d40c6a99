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
      labels = derived.values()
      values = (0..<source.count).map { row in
        guard let value = source.number(row) else { return nil }
        if !source.variable.isInBase(value, dontKnow: dontKnow) { return nil }
        return codes.contains { Double($0) == value } ? 1 : 0
      }
    case .recode(let of, let bands):
      let source = input(of)
      domain = source.variable.domain
      labels = derived.values()
      values = (0..<source.count).map { row in
        guard let value = source.number(row), source.variable.isInBase(value, dontKnow: .exclude) else { return nil }
        return bands.first { $0.lower <= value && value <= $0.upper }.map { Double($0.code) }
      }
    case .cross(let names):
      let sources = names.map(input)
      let crossed = sources.map(\.variable.values)
      let combinations = DerivedVariable.combinations(crossed)
      labels = derived.values(crossed: crossed)
      let codeOf = Dictionary(
        uniqueKeysWithValues: combinations.enumerated().map { index, parts in (parts.map(\.code), index + 1) })
      values = (0..<sources[0].count).map { row in
        let codes = sources.map { $0.number(row).map(Int.init) }
        guard codes.allSatisfy({ $0 != nil }) else { return nil }
        return codeOf[codes.map { $0! }].map(Double.init)
      }
    }
    let variable = CleanVariable(
      name: derived.name, label: derived.label, kind: .single, values: labels, missingCodes: [], domain: domain)
    return CleanColumn(variable: variable, values: values.map { $0 ?? .nan })
  }
}
