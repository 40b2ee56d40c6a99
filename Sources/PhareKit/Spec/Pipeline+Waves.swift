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
}
