/// How much work a pipeline's waves are, told from its spec and codebook alone.
extension Pipeline {
  /// About how many indicators one wave gives: the estimated cells (a category, an item or a
  /// score each; « Ne sait pas » codes only when they are a category) times the breakdown levels,
  /// the nation included (a crossing's levels multiply). What `RunBatch` starts pipelines in, the
  /// largest first, so that small ones fill the cores last.
  var indicatorsPerWave: Int {
    let countsMissing = spec.clean.dontKnow == .category
    let cells = estimatedColumns.reduce(0) { total, column in
      let missing = countsMissing ? [] : Set((codebook[column.name]?.missingCodes ?? []).map(\.code))
      return total + max(1, column.codes?.filter { !missing.contains($0) }.count ?? 1)
    }
    let levels = (spec.estimate?.breakdowns ?? []).reduce(1) { total, crossing in
      total + crossing.reduce(1) { $0 * max(1, levelCount(of: $1)) }
    }
    return cells * levels
  }

  /// The codes a breakdown variable takes: its codebook values, or a derived variable's.
  private func levelCount(of name: String) -> Int {
    if let variable = codebook[name] { return variable.values.count }
    return spec.clean.derived.first { $0.name == name }?.values().count ?? 1
  }
}
