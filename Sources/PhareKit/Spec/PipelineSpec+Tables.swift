import Yams

/// Reading `estimate.tables`: each table's variable, nets and columns must be estimated by the spec.
extension PipelineSpec {
  static func tables(_ node: Node, estimate spec: EstimationSpec, reader: SpecReader) -> [CrossTableSpec] {
    var names: Set<String> = []
    let breakdowns = spec.breakdowns.map { $0.joined(separator: "*") }
    return (reader.sequence(node, "estimate.tables") ?? []).compactMap { item in
      let fields = reader.fields(
        item, "a table of estimate.tables", allowed: ["name", "title", "variable", "nets", "columns"],
        required: ["name", "variable"])
      guard let name = reader.string(fields["name"], "the name of a table") else { return nil }
      let context = "table '\(name)'"
      if name.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9_-]*/) == nil {
        reader.report(fields["name"], "\(context): a name is letters, digits, '-' and '_' (it names tables/<name>.csv)")
      }
      if !names.insert(name).inserted {
        reader.report(fields["name"], "\(context) is already defined")
      }
      let variable = reader.string(fields["variable"], "the variable of \(context)")
      let nets = reader.strings(fields["nets"], "the nets of \(context)") ?? []
      if let variable, !spec.variables.contains(variable) {
        reader.report(fields["variable"], "\(context): '\(variable)' is not among estimate.variables")
      }
      for net in nets where !spec.variables.contains(net) {
        reader.report(fields["nets"], "\(context): '\(net)' is not among estimate.variables")
      }
      let columns = reader.strings(fields["columns"], "the columns of \(context)") ?? breakdowns
      for column in columns where !breakdowns.contains(column) {
        reader.report(fields["columns"], "\(context): '\(column)' is not among estimate.breakdowns")
      }
      guard let variable else { return nil }
      return CrossTableSpec(
        name: name, title: reader.string(fields["title"], "the title of \(context)"), variable: variable, nets: nets,
        columns: columns, line: item.mark?.line)
    }
  }
}
