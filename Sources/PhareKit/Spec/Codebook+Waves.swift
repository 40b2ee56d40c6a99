extension Codebook {
  /// The codebook of one wave: the variables it asks (`CodebookVariable.isAsked(in:)`), in file order.
  public func asked(in wave: String) -> Codebook {
    Codebook(file: file, variables: variables.filter { $0.isAsked(in: wave) })
  }

  /// The names `wave` does not ask, in codebook then spec order: the codebook variables whose
  /// `waves:` leave it out, with the items of such multiple-response sets, then the derived
  /// variables that read one of those names (a net of a question not asked is not asked either).
  public func notAsked(in wave: String, derived: [DerivedVariable]) -> [String] {
    var names = variables.filter { !$0.isAsked(in: wave) }.flatMap { [$0.name] + $0.items.map(\.name) }
    for variable in derived where variable.inputs.contains(where: names.contains) && !names.contains(variable.name) {
      names.append(variable.name)
    }
    return names
  }
}
