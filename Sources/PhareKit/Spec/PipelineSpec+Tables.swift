import Yams

/// Reading `estimate.tables`: each table's variables, nets and columns must be estimated by the spec.
extension PipelineSpec {
  static func tables(_ node: Node, estimate spec: EstimationSpec, reader: SpecReader) -> [CrossTableSpec] {
    var names: Set<String> = []
    let breakdowns = spec.breakdowns.map { $0.joined(separator: "*") }
    return (reader.sequence(node, "estimate.tables") ?? []).compactMap { item in
      let fields = reader.fields(
        item, "a table of estimate.tables", allowed: ["name", "title", "variable", "variables", "nets", "columns"],
        required: ["name"])
      guard let name = reader.string(fields["name"], "the name of a table") else { return nil }
      let context = "table '\(name)'"
      if name.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9_-]{0,63}/) == nil {
        reader.report(
          fields["name"], "\(context): a name is 1 to 64 letters, digits, '-' and '_' (it names tables/<name>.csv)")
      }
      if let other = names.first(where: { $0.lowercased() == name.lowercased() }) {
        reader.report(
          fields["name"],
          other == name
            ? "\(context) is already defined"
            : "\(context): its file would be table '\(other)''s on a file system that ignores case")
      }
      names.insert(name)
      // One variable (`variable:`) or a grid of several (`variables:`), not both.
      let rows = fields["variables"] ?? fields["variable"]
      let variables =
        fields["variables"] != nil
        ? reader.strings(fields["variables"], "the variables of \(context)")
        : reader.string(fields["variable"], "the variable of \(context)").map { [$0] }
      if fields["variables"] != nil && fields["variable"] != nil {
        reader.report(fields["variables"], "\(context): give either variable (one) or variables (a grid), not both")
      } else if rows == nil {
        reader.report(item, "\(context): variable (one) or variables (a grid) is required")
      } else if variables?.isEmpty == true {
        reader.report(rows, "\(context): variables lists no variable")
      }
      for variable in variables ?? [] where !spec.variables.contains(variable) {
        reader.report(rows, "\(context): '\(variable)' is not among estimate.variables")
      }
      for index in variables?.repeatedPositions ?? [] {
        reader.report(rows, "\(context): '\(variables![index])' is listed twice")
      }
      let nets = reader.strings(fields["nets"], "the nets of \(context)") ?? []
      for net in nets where !spec.variables.contains(net) {
        reader.report(fields["nets"], "\(context): '\(net)' is not among estimate.variables")
      }
      let columns = reader.strings(fields["columns"], "the columns of \(context)") ?? breakdowns
      for column in columns where !breakdowns.contains(column) {
        reader.report(fields["columns"], "\(context): '\(column)' is not among estimate.breakdowns")
      }
      for index in columns.repeatedPositions {
        reader.report(fields["columns"], "\(context): the column '\(columns[index])' is listed twice")
      }
      if (variables?.count ?? 0) > 1 && fields["title"] == nil {
        reader.report(item, "\(context): a grid (variables:) needs a title, which no one variable's label gives")
      }
      guard let variables, !variables.isEmpty else { return nil }
      return CrossTableSpec(
        name: name, title: reader.string(fields["title"], "the title of \(context)"), variables: variables,
        nets: nets, columns: columns, line: item.mark?.line)
    }
  }
}
