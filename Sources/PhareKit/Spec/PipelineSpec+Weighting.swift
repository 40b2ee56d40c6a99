import Yams

/// Reading the `weight:` section of a pipeline spec.
extension PipelineSpec {
  static func weighting(_ node: Node, reader: SpecReader) -> WeightingSpec? {
    let fields = reader.fields(
      node, "weight",
      allowed: [
        "method", "distance", "margins", "start", "bounds", "tolerance", "max_iterations", "missing", "collapse",
        "trim",
      ],
      required: ["method", "margins"], at: "weight")
    let method = reader.choice(fields["method"], "weight.method", WeightingSpec.Method.allCases.map(\.rawValue))
      .flatMap(WeightingSpec.Method.init(rawValue:))
    let margins = reader.strings(fields["margins"], "weight.margins", at: "weight.margins")?.map {
      $0.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
    }
    if let margins, margins.isEmpty {
      reader.report(fields["margins"], "weight.margins is empty: weighting needs at least one margin")
    }
    for (index, margin) in (margins ?? []).enumerated()
    where margins![..<index].contains(margin) || Set(margin).count < margin.count {
      reader.report(
        line: reader.lines["weight.margins.\(index)"],
        "weight.margins: '\(WeightingSpec.name(of: margin))' is listed twice or crosses a variable with itself")
    }
    let tolerance = reader.double(fields["tolerance"], "weight.tolerance")
    if let tolerance, !(tolerance >= WeightingSpec.minimumTolerance && tolerance <= WeightingSpec.maximumTolerance) {
      reader.report(
        fields["tolerance"],
        "weight.tolerance should be from \(WeightingSpec.minimumTolerance) (what doubles can reach) to "
          + "\(WeightingSpec.maximumTolerance) (looser, weights miss the population; relative misfit, default 1e-10)")
    }
    let maxIterations = reader.int(fields["max_iterations"], "weight.max_iterations")
    if let maxIterations, !(1...WeightingSpec.maxIterationsCeiling).contains(maxIterations) {
      reader.report(
        fields["max_iterations"],
        "weight.max_iterations should be a whole number from 1 to \(WeightingSpec.maxIterationsCeiling)")
    }
    var spec = WeightingSpec(
      method: method ?? .raking, margins: margins ?? [], start: .equal, bounds: nil,
      tolerance: tolerance ?? WeightingSpec.defaultTolerance,
      maxIterations: maxIterations ?? WeightingSpec.defaultMaxIterations,
      missing: reader.choice(fields["missing"], "weight.missing", WeightingSpec.MissingValues.allCases.map(\.rawValue))
        .flatMap(WeightingSpec.MissingValues.init(rawValue:)) ?? .quarantine,
      collapse: [])
    if method == .postStratification && spec.margins.count > 1 {
      reader.report(
        fields["margins"], "post-stratification takes exactly one margin (a crossing such as region*urbain)")
    }
    if let start = fields["start"] {
      if start.scalar?.string == "equal" {
        spec.start = .equal
      } else if let column = reader.fields(
        start, "weight.start", allowed: ["column"], required: ["column"], at: "weight.start")["column"]
      {
        spec.start = reader.string(column, "weight.start.column").map { .column($0) } ?? .equal
      }
    }
    if let node = fields["distance"] {
      if method == .calibration {
        spec.distance =
          reader.choice(node, "weight.distance", WeightingSpec.Distance.allCases.map(\.rawValue))
          .flatMap(WeightingSpec.Distance.init(rawValue:)) ?? .raking
      } else if method != nil {
        reader.report(node, "weight.distance applies to method: calibration (method: raking is distance: raking)")
      }
    } else if method == .calibration {
      reader.report(
        fields["method"], "method: calibration needs weight.distance: raking, linear, logit or truncated-linear")
    }
    if let boundsNode = fields["bounds"] {
      // YAML's .inf is an upper bound of infinity, as R's bounds = c(0, Inf).
      let values = reader.sequence(boundsNode, "weight.bounds")?.compactMap { node -> Double? in
        [".inf", ".Inf", ".INF"].contains(node.scalar?.string ?? "") ? .infinity : reader.double(node, "a bound")
      }
      if let values, values.count == 2, values[0] >= 0, values[0] < 1, values[1] > 1 {
        // Raking's g = exp(u) always lies in (0, ∞): [0, ∞] bounds nothing, and R's truncated Newton
        // (whose derivative is cut where u ≤ lower − 1) would only stall on it.
        let plain = spec.distance == .raking && values[0] == 0 && values[1] == .infinity
        spec.bounds = plain ? nil : values[0]...values[1]
      } else if values != nil {
        reader.report(
          boundsNode,
          "weight.bounds should be [lower, upper] with 0 ≤ lower < 1 < upper (bounds on final / starting weight)")
      }
      if method == .postStratification {
        reader.report(boundsNode, "weight.bounds apply to raking, not to post-stratification")
      }
      if spec.distance == .linear {
        reader.report(
          boundsNode,
          "weight.bounds: linear calibration is unbounded; bounded linear is distance: truncated-linear "
            + "(R's calfun = \"linear\" with bounds, CALMAR method 4)")
      }
      if spec.distance == .logit, let values, values.count == 2, values[1] == .infinity {
        reader.report(boundsNode, "weight.bounds: logit calibration needs a finite upper bound (as R's cal.logit)")
      }
    } else if [.logit, .truncatedLinear].contains(spec.distance) {
      reader.report(
        fields["distance"], "weight.distance: \(spec.distance.rawValue) needs weight.bounds: [lower, upper] on g")
    }
    spec.collapse = (reader.sequence(fields["collapse"], "weight.collapse") ?? []).enumerated().compactMap {
      index, node in
      let rule = reader.fields(
        node, "a collapse rule", allowed: ["margin", "category", "into"], required: ["margin", "category", "into"],
        at: "weight.collapse.\(index)")
      guard let margin = reader.string(rule["margin"], "the margin of a collapse rule"),
        let category = reader.string(rule["category"], "the category of a collapse rule").flatMap(
          PopulationMargins.codes),
        let into = reader.string(rule["into"], "the target of a collapse rule").flatMap(PopulationMargins.codes)
      else {
        reader.report(node, "a collapse rule names its margin, category and into as codes, e.g. 94*2")
        return nil
      }
      return WeightingSpec.Collapse(margin: margin, category: category, into: into)
    }
    spec.trim = trimming(fields["trim"], reader: reader)
    return method == nil || margins == nil ? nil : spec
  }
}
