extension Pipeline {
  /// One column the estimate stage summarises: its name, its fragility domain, and its codes
  /// (nil for a mean).
  struct EstimatedColumn {
    var name: String
    var domain: String?
    var codes: [Int]?
  }

  /// The columns `estimate.variables` give indicators for: multiple-response sets stand for
  /// their items (0/1), derived variables for their codes.
  var estimatedColumns: [EstimatedColumn] {
    let derived = Dictionary(spec.clean.derived.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    return (spec.estimate?.variables ?? []).flatMap { name -> [EstimatedColumn] in
      if let variable = codebook[name] {
        switch variable.kind {
        case .multiple where !variable.items.isEmpty:
          return variable.items.map { EstimatedColumn(name: $0.name, domain: $0.domain ?? variable.domain, codes: [1]) }
        case .scale, .numeric:
          return [EstimatedColumn(name: name, domain: variable.domain, codes: nil)]
        default:
          return [
            EstimatedColumn(
              name: name, domain: variable.domain, codes: (variable.values + variable.missingCodes).map(\.code))
          ]
        }
      }
      guard let rule = derived[name]?.rule else { return [] }
      switch rule {
      case .net(let of, _):
        return [EstimatedColumn(name: name, domain: codebook[of]?.domain, codes: [0, 1])]
      case .recode(let of, let bands):
        return [EstimatedColumn(name: name, domain: codebook[of]?.domain, codes: bands.map(\.code))]
      case .cross:
        return [EstimatedColumn(name: name, domain: nil, codes: nil)]
      }
    }
  }
}
