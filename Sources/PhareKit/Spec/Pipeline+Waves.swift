extension Pipeline {
  /// The codebook and derived variables `wave` does not ask (`Codebook.notAsked(in:derived:)`).
  public func notAsked(in wave: String) -> [String] {
    codebook.notAsked(in: wave, derived: spec.clean.derived)
  }

  /// The `variable` its indicators would carry, for each estimate variable `wave` does not ask:
  /// a multiple-response set stands for its items (`q1_citoyens`, or `q7_2` for code 2 of a set
  /// stored in one cell), any other name for itself. Empty when the wave asks them all.
  public func unaskedIndicatorVariables(in wave: String) -> [String] {
    unaskedIndicators(in: wave).map(\.variable)
  }

  /// The fragility domain of each estimate variable `wave` does not ask (as its indicators would
  /// name it, `unaskedIndicatorVariables(in:)`), for the territorial matrix to flag its cells
  /// `not-asked`: the domain of the estimated column behind it (`estimatedColumns`), which its
  /// indicators would carry.
  public func notAskedDomains(in wave: String) -> [String: String] {
    let domainOf = Dictionary(
      estimatedColumns.compactMap { column in column.domain.map { (column.name, $0) } },
      uniquingKeysWith: { first, _ in first })
    return Dictionary(
      unaskedIndicators(in: wave).compactMap { indicator in domainOf[indicator.column].map { (indicator.variable, $0) }
      },
      uniquingKeysWith: { first, _ in first })
  }

  /// Each estimate variable `wave` does not ask, as its indicators name it and as the estimated
  /// column behind them (an item's own column; for each code of a set stored in one cell, the set's).
  private func unaskedIndicators(in wave: String) -> [(variable: String, column: String)] {
    let unasked = Set(notAsked(in: wave))
    return (spec.estimate?.variables ?? []).filter(unasked.contains).flatMap {
      name -> [(variable: String, column: String)] in
      guard let variable = codebook[name], variable.kind == .multiple else { return [(name, name)] }
      return variable.items.isEmpty
        ? variable.values.map { (variable.cellItemName($0.code), name) } : variable.items.map { ($0.name, $0.name) }
    }
  }

  /// Whether some wave may ask both estimated variables (codebook variables, their items, or
  /// derived variables, which are asked where their inputs are): unless their `waves:` cannot meet.
  public func mayBeAskedTogether(_ first: String, _ second: String) -> Bool {
    func variable(_ name: String) -> CodebookVariable? {
      codebook[name] ?? codebook.variables.first { $0.items.contains { $0.name == name } }
        ?? spec.clean.derived.first { $0.name == name }.flatMap {
          $0.inputs.lazy.compactMap { self.codebook[$0] }.first
        }
    }
    guard let a = variable(first), let b = variable(second) else { return true }
    return a.isAsked(togetherWith: b)
  }
}
