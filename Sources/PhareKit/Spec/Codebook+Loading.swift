import Yams

extension Codebook {
  /// Reads a codebook YAML file:
  ///
  /// ```yaml
  /// variables:
  ///   q4:
  ///     type: single
  ///     label: Dynamique de co-construction
  ///     source: [Q4, q4_dynamique]
  ///     values: {1: "Oui, tout à fait", 4: "Non, pas du tout"}
  ///     missing: {9: Ne sait pas}
  ///     waves: {from: 2016}      # asked from wave 2016 on (or [2016, 2017]; every wave without it)
  /// ```
  ///
  /// Problems are added to `diagnostics`; nil when the file cannot be used at all.
  static func load(file: String, diagnostics: inout [SpecDiagnostic]) -> Codebook? {
    let reader = SpecReader(file: file)
    defer { diagnostics += reader.diagnostics }
    guard let root = reader.load() else { return nil }
    let top = reader.fields(root, "the codebook", allowed: ["variables"], required: ["variables"])
    guard let variablesNode = top["variables"], let entries = reader.entries(variablesNode, "variables") else {
      return nil
    }
    let variables = entries.compactMap { entry in
      if entry.key.contains("*") {
        reader.report(entry.keyNode, "variable '\(entry.key)': a name cannot hold '*', which crosses variables")
      }
      if let problem = MicrodataColumns.problem(naming: entry.key, "variable '\(entry.key)'") {
        reader.report(entry.keyNode, problem)
      }
      return variable(named: entry.key, entry.value, line: entry.keyNode.mark?.line, reader: reader)
    }
    for variable in variables {
      for item in variable.items {
        if let problem = MicrodataColumns.problem(naming: item.name, "item '\(item.name)' of '\(variable.name)'") {
          reader.report(line: variable.line, problem)
        }
      }
    }
    // A column may be read by two variables only in waves apart (a question reworded in 2017).
    var sourceOwners: [String: [CodebookVariable]] = [:]
    for variable in variables {
      var seen: Set<String> = []
      for source in variable.sources + variable.items.map(\.name) where seen.insert(source).inserted {
        if let owner = sourceOwners[source, default: []].first(where: { $0.isAsked(togetherWith: variable) }) {
          reader.report(
            line: variable.line, "column '\(source)' is read by both '\(owner.name)' and '\(variable.name)'")
        }
        sourceOwners[source, default: []].append(variable)
      }
    }
    let identifiers = variables.filter { $0.kind == .identifier }
    for second in identifiers.dropFirst() {
      reader.report(
        line: second.line, "variable '\(second.name)' is a second identifier ('\(identifiers[0].name)' is the first)")
    }
    return Codebook(file: file, variables: variables)
  }

  /// Reads a codebook YAML file on its own (`phare codebook diff`).
  /// - Throws: `SpecProblems` with every problem of the file.
  public static func load(file: String) throws -> Codebook {
    var diagnostics: [SpecDiagnostic] = []
    let codebook = load(file: file, diagnostics: &diagnostics)
    guard let codebook, diagnostics.isEmpty else { throw SpecProblems(diagnostics) }
    return codebook
  }

  private static let keys = [
    "type", "label", "source", "values", "missing", "range", "required", "items", "separator", "domain",
    "blank", "waves",
  ]

  private static func variable(named name: String, _ node: Node, line: Int?, reader: SpecReader) -> CodebookVariable? {
    let context = "variable '\(name)'"
    let fields = reader.fields(node, context, allowed: keys, required: ["type"])
    let kindName = reader.choice(fields["type"], "the type of \(context)", VariableKind.allCases.map(\.rawValue))
    guard let kind = kindName.flatMap(VariableKind.init(rawValue:)) else { return nil }
    var variable = CodebookVariable(
      name: name,
      kind: kind,
      label: reader.string(fields["label"], "the label of \(context)") ?? name,
      sources: reader.strings(fields["source"], "the source of \(context)") ?? [name],
      values: fields["values"].map { codes($0, "the values of \(context)", reader: reader) } ?? [],
      missingCodes: fields["missing"].map { codes($0, "the missing codes of \(context)", reader: reader) } ?? [],
      range: nil,
      required: reader.bool(fields["required"], "required in \(context)") ?? (kind == .identifier),
      items: [],
      cellSeparator: reader.string(fields["separator"], "the separator of \(context)"),
      line: line
    )
    variable.domain = reader.string(fields["domain"], "the domain of \(context)")
    variable.waves = fields["waves"].flatMap { AskedWaves.load($0, context, reader: reader) }
    if let blank = reader.choice(fields["blank"], "blank in \(context)", BlankItems.allCases.map(\.rawValue)) {
      variable.blankItems = BlankItems(rawValue: blank) ?? .missing
    }
    if let rangeNode = fields["range"] {
      let bounds = reader.sequence(rangeNode, "the range of \(context)")?.compactMap {
        reader.double($0, "a bound of the range of \(context)")
      }
      if let bounds, bounds.count == 2, bounds[0] <= bounds[1] {
        variable.range = bounds[0]...bounds[1]
      } else if bounds != nil {
        reader.report(rangeNode, "the range of \(context) should be [lowest, highest]")
      }
    }
    if let itemsNode = fields["items"], let entries = reader.entries(itemsNode, "the items of \(context)") {
      variable.items = entries.compactMap { item(named: $0.key, $0.value, reader: reader) }
    }
    checkShape(of: variable, fields: fields, node: node, reader: reader)
    checkCodes(of: variable, fields: fields, reader: reader)
    return variable
  }

  /// A code is either an answer or a missing code, and no two codes share a label.
  private static func checkCodes(of variable: CodebookVariable, fields: [String: Node], reader: SpecReader) {
    let context = "variable '\(variable.name)'"
    for missing in variable.missingCodes where variable.values.contains(where: { $0.code == missing.code }) {
      reader.report(fields["missing"], "\(context): code \(missing.code) is both a value and a missing code")
    }
    var seen: [String: Int] = [:]
    for value in variable.values + variable.missingCodes {
      let key = ValueLabel.wording(value.label)
      if let code = seen.updateValue(value.code, forKey: key), code != value.code {
        reader.report(
          fields["values"] ?? fields["missing"],
          "\(context): codes \(code) and \(value.code) have the same label '\(value.label)'")
      }
    }
  }

  /// An item written `name: label`, or `name: {label: …, domain: …}` when it measures a domain of its own.
  private static func item(named name: String, _ node: Node, reader: SpecReader) -> CodebookVariable.Item? {
    guard case .mapping = node else {
      return reader.string(node, "the label of item '\(name)'").map { CodebookVariable.Item(name: name, label: $0) }
    }
    let fields = reader.fields(node, "item '\(name)'", allowed: ["label", "domain"], required: ["label"])
    return reader.string(fields["label"], "the label of item '\(name)'").map {
      CodebookVariable.Item(
        name: name, label: $0, domain: reader.string(fields["domain"], "the domain of item '\(name)'"))
    }
  }

  /// Reports settings that do not fit the variable's type.
  private static func checkShape(of variable: CodebookVariable, fields: [String: Node], node: Node, reader: SpecReader)
  {
    let context = "variable '\(variable.name)' (\(variable.kind.rawValue))"
    switch variable.kind {
    case .single:
      if variable.values.isEmpty && fields["values"] == nil {
        reader.report(node, "\(context) needs values: its codes and labels")
      }
    case .scale:
      if variable.range == nil { reader.report(node, "\(context) needs a range, e.g. [0, 10]") }
    case .multiple:
      let asColumns = !variable.items.isEmpty
      let inCell = variable.cellSeparator != nil
      if asColumns == inCell {
        reader.report(node, "\(context) needs either items (one 0/1 column each) or a separator with values (one cell)")
      }
      if inCell && variable.values.isEmpty { reader.report(node, "\(context) stored in one cell needs values") }
      if inCell && fields["blank"] != nil {
        reader.report(fields["blank"], "'blank' applies to item columns, not to \(context) stored in one cell")
      }
    case .identifier, .numeric, .text, .personal:
      break
    }
    let unused: [(String, Bool)] = [
      ("items", variable.kind != .multiple), ("separator", variable.kind != .multiple),
      ("values", [.identifier, .text, .personal, .numeric].contains(variable.kind)),
      ("range", ![.scale, .numeric].contains(variable.kind)),
      ("blank", variable.kind != .multiple),
      // Every wave is read, deduplicated and quarantined by its respondent identifier.
      ("waves", variable.kind == .identifier),
    ]
    for (key, misplaced) in unused where misplaced && fields[key] != nil {
      reader.report(fields[key], "'\(key)' does not apply to \(context)")
    }
  }

  private static func codes(_ node: Node, _ context: String, reader: SpecReader) -> [ValueLabel] {
    guard let entries = reader.entries(node, context) else { return [] }
    return entries.compactMap { entry in
      guard let code = Int(entry.key), let _ = Int32(exactly: code) else {
        reader.report(
          entry.keyNode, "\(context): '\(entry.key)' is not a whole-number code from \(Int32.min) to \(Int32.max)")
        return nil
      }
      return reader.string(entry.value, "the label of code \(code) in \(context)").map {
        ValueLabel(code: code, label: $0)
      }
    }
  }
}
