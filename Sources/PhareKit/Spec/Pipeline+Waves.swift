extension Pipeline {
  /// The codebook and derived variables `wave` does not ask (`Codebook.notAsked(in:derived:)`).
  public func notAsked(in wave: String) -> [String] {
    codebook.notAsked(in: wave, derived: spec.clean.derived)
  }

  /// The `variable` its indicators would carry, for each estimate variable `wave` does not ask:
  /// a multiple-response set stands for its items (`q1_citoyens`, or `q7_2` for code 2 of a set
  /// stored in one cell), any other name for itself. Empty when the wave asks them all.
  public func unaskedIndicatorVariables(in wave: String) -> [String] {
    let unasked = Set(notAsked(in: wave))
    return (spec.estimate?.variables ?? []).filter(unasked.contains).flatMap { name -> [String] in
      guard let variable = codebook[name], variable.kind == .multiple else { return [name] }
      return variable.items.isEmpty ? variable.values.map { "\(name)_\($0.code)" } : variable.items.map(\.name)
    }
  }

  /// The fragility domain of each estimate variable `wave` does not ask (as its indicators would
  /// name it, `unaskedIndicatorVariables(in:)`), for the territorial matrix to flag its cells
  /// `not-asked`: the variable's or item's own domain, or for a derived variable its source's.
  public func notAskedDomains(in wave: String) -> [String: String] {
    func domain(_ name: String) -> String? {
      if let variable = codebook[name] { return variable.domain }
      for variable in codebook.variables {
        if let item = variable.items.first(where: { $0.name == name }) { return item.domain ?? variable.domain }
        if variable.kind == .multiple && variable.values.contains(where: { "\(variable.name)_\($0.code)" == name }) {
          return variable.domain
        }
      }
      let derived = spec.clean.derived.first { $0.name == name }
      return derived?.inputs.lazy.compactMap { self.codebook[$0]?.domain }.first
    }
    var domains: [String: String] = [:]
    for name in unaskedIndicatorVariables(in: wave) {
      if let domain = domain(name) { domains[name] = domain }
    }
    return domains
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
