/// How codebook variables appear in the clean table.
extension CodebookVariable {
  /// The clean-table description of the variable itself.
  var cleanVariable: CleanVariable {
    CleanVariable(name: name, label: label, kind: kind, values: values, missingCodes: missingCodes, domain: domain)
  }

  /// The name of the 0/1 item column of `code` of a multiple-response set held in one cell.
  func cellItemName(_ code: Int) -> String { "\(name)_\(code)" }

  /// The clean table's columns the variable becomes: its items, one per code of a set held in one
  /// cell (`cellItemName`), or itself; none for personal data.
  var cleanColumnNames: [String] {
    guard kind != .personal else { return [] }
    if !items.isEmpty { return items.map(\.name) }
    return cellSeparator != nil ? values.map { cellItemName($0.code) } : [name]
  }

  /// One 0/1 item of a multiple-response set.
  func item(named itemName: String, label itemLabel: String, domain itemDomain: String? = nil) -> CleanVariable {
    CleanVariable(
      name: itemName,
      label: "\(label) : \(itemLabel)",
      kind: .multiple,
      values: [ValueLabel(code: 0, label: "Non"), ValueLabel(code: 1, label: "Oui")],
      missingCodes: missingCodes,
      origin: name,
      domain: itemDomain ?? domain
    )
  }

  /// The same variable read as another kind (a multiple-response cell's parts are single codes).
  func withKind(_ newKind: VariableKind) -> CodebookVariable {
    var copy = self
    copy.kind = newKind
    return copy
  }
}

extension CleanVariable {
  /// A codebook variable with this column's codes, to code its raw answers.
  func asCodebookVariable() -> CodebookVariable {
    CodebookVariable(
      name: name, kind: .single, label: label, sources: [name], values: values, missingCodes: missingCodes,
      range: nil, required: false, items: [], cellSeparator: nil, line: nil)
  }
}
