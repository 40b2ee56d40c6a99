import Foundation
import Yams

extension PipelineSpec {
  static let defaultQuarantineThreshold = 0.05
  static let defaultWavePattern = "(\\d{4})"

  /// Reads a pipeline spec; paths in it are relative to the spec's folder. Problems are added
  /// to `diagnostics`; nil when the spec cannot be used at all.
  static func load(file: String, diagnostics: inout [SpecDiagnostic]) -> PipelineSpec? {
    let reader = SpecReader(file: file)
    defer { diagnostics += reader.diagnostics }
    guard let root = reader.load() else { return nil }
    let top = reader.fields(
      root,
      "the pipeline",
      allowed: ["survey", "title", "inputs", "codebook", "populations", "clean", "weight", "estimate"],
      required: ["survey", "inputs", "codebook"]
    )
    let folder = (file as NSString).deletingLastPathComponent
    func resolve(_ path: String) -> String { FilePath.join(folder, path) }
    let survey = reader.string(top["survey"], "survey")
    let inputs = top["inputs"].flatMap { self.inputs($0, reader: reader, resolve: resolve) }
    let codebook = reader.string(top["codebook"], "codebook").map(resolve)
    let clean = top["clean"].map { self.clean($0, reader: reader) } ?? defaultClean
    guard let survey, let inputs, let codebook else { return nil }
    return PipelineSpec(
      file: file,
      survey: survey,
      title: reader.string(top["title"], "title") ?? survey,
      inputs: inputs,
      codebook: codebook,
      populations: reader.string(top["populations"], "populations").map(resolve),
      clean: clean,
      weight: top["weight"].flatMap { weighting($0, reader: reader) },
      estimate: top["estimate"].flatMap { estimation($0, reader: reader) }
    )
  }

  private static var defaultClean: Clean {
    Clean(quarantineThreshold: defaultQuarantineThreshold, dontKnow: .exclude, derived: [], consistency: [])
  }

  private static func inputs(_ node: Node, reader: SpecReader, resolve: (String) -> String) -> Inputs? {
    let fields = reader.fields(node, "inputs", allowed: ["folder", "files", "wave", "separator"], required: ["folder"])
    var wave = WaveSource.fileName(pattern: defaultWavePattern)
    if let waveNode = fields["wave"] {
      let waveFields = reader.fields(waveNode, "inputs.wave", allowed: ["file_name", "column"])
      switch (
        reader.string(waveFields["file_name"], "inputs.wave.file_name"),
        reader.string(waveFields["column"], "inputs.wave.column")
      ) {
      case (let pattern?, nil):
        if (try? Regex(pattern)) == nil {
          reader.report(waveFields["file_name"], "inputs.wave.file_name is not a valid regular expression")
        }
        wave = .fileName(pattern: pattern)
      case (nil, let column?):
        wave = .column(column)
      default:
        reader.report(waveNode, "inputs.wave needs exactly one of file_name (a pattern) or column")
      }
    }
    var separator: Separator?
    if let separatorNode = fields["separator"], let text = reader.string(separatorNode, "inputs.separator") {
      separator = Separator(argument: text)
      if separator == nil { reader.report(separatorNode, "inputs.separator should be ',', ';' or 'tab'") }
    }
    guard let folder = reader.string(fields["folder"], "inputs.folder") else { return nil }
    return Inputs(
      folder: resolve(folder),
      files: reader.string(fields["files"], "inputs.files") ?? "*.csv",
      wave: wave,
      separator: separator
    )
  }

  private static func clean(_ node: Node, reader: SpecReader) -> Clean {
    let fields = reader.fields(
      node, "clean", allowed: ["quarantine_threshold", "dont_know", "derived", "consistency"])
    var clean = defaultClean
    if let threshold = reader.double(fields["quarantine_threshold"], "clean.quarantine_threshold") {
      if (0...1).contains(threshold) {
        clean.quarantineThreshold = threshold
      } else {
        reader.report(fields["quarantine_threshold"], "clean.quarantine_threshold should be a share between 0 and 1")
      }
    }
    if let policy = reader.choice(fields["dont_know"], "clean.dont_know", ["exclude", "category"]) {
      clean.dontKnow = DontKnowPolicy(rawValue: policy)!
    }
    clean.derived = (reader.sequence(fields["derived"], "clean.derived") ?? []).compactMap {
      derived($0, reader: reader)
    }
    clean.consistency = (reader.sequence(fields["consistency"], "clean.consistency") ?? []).compactMap {
      consistency($0, reader: reader)
    }
    return clean
  }

  private static func derived(_ node: Node, reader: SpecReader) -> DerivedVariable? {
    let fields = reader.fields(
      node, "a derived variable", allowed: ["name", "label", "net", "recode", "cross"], required: ["name"])
    guard let name = reader.string(fields["name"], "the name of a derived variable") else { return nil }
    let context = "derived variable '\(name)'"
    let rules = ["net", "recode", "cross"].filter { fields[$0] != nil }
    guard rules.count == 1 else {
      reader.report(node, "\(context) needs exactly one of net, recode or cross")
      return nil
    }
    let rule: DerivedVariable.Rule?
    switch rules[0] {
    case "net":
      let net = reader.fields(
        fields["net"]!, "the net of \(context)", allowed: ["of", "codes"], required: ["of", "codes"])
      let codes = reader.sequence(net["codes"], "the codes of \(context)")?.compactMap {
        reader.int($0, "a code of \(context)")
      }
      rule = reader.string(net["of"], "the variable of \(context)").flatMap { of in
        codes.map { .net(of: of, codes: $0) }
      }
    case "recode":
      let recode = reader.fields(
        fields["recode"]!, "the recode of \(context)", allowed: ["of", "bands"], required: ["of", "bands"])
      let bands = reader.sequence(recode["bands"], "the bands of \(context)")?.compactMap {
        band($0, context, reader: reader)
      }
      rule = reader.string(recode["of"], "the variable of \(context)").flatMap { of in
        bands.map { .recode(of: of, bands: $0) }
      }
    default:
      let variables = reader.strings(fields["cross"], "the variables crossed in \(context)")
      if let variables, variables.count < 2 {
        reader.report(fields["cross"], "\(context) crosses at least two variables")
      }
      rule = variables.map { .cross($0) }
    }
    guard let rule else { return nil }
    return DerivedVariable(
      name: name,
      label: reader.string(fields["label"], "the label of \(context)") ?? name,
      rule: rule,
      line: node.mark?.line
    )
  }

  private static func band(_ node: Node, _ context: String, reader: SpecReader) -> DerivedVariable.Band? {
    let fields = reader.fields(
      node, "a band of \(context)", allowed: ["from", "to", "code", "label"], required: ["from", "to", "code", "label"])
    guard let lower = reader.double(fields["from"], "from"), let upper = reader.double(fields["to"], "to"),
      let code = reader.int(fields["code"], "code"), let label = reader.string(fields["label"], "label")
    else { return nil }
    return DerivedVariable.Band(lower: lower, upper: upper, code: code, label: label)
  }

  private static func consistency(_ node: Node, reader: SpecReader) -> ConsistencyRule? {
    let fields = reader.fields(
      node, "a consistency rule", allowed: ["name", "if", "then_blank"], required: ["name", "if", "then_blank"])
    guard let name = reader.string(fields["name"], "the name of a consistency rule"), let condition = fields["if"]
    else {
      return nil
    }
    let context = "consistency rule '\(name)'"
    let test = reader.fields(
      condition, "the condition of \(context)", allowed: ["variable", "codes"], required: ["variable", "codes"])
    guard let variable = reader.string(test["variable"], "the variable of \(context)"),
      let codes = reader.sequence(test["codes"], "the codes of \(context)")?.compactMap({
        reader.int($0, "a code of \(context)")
      }),
      let blank = reader.strings(fields["then_blank"], "then_blank of \(context)")
    else { return nil }
    return ConsistencyRule(name: name, variable: variable, codes: codes, blank: blank, line: node.mark?.line)
  }

  private static func weighting(_ node: Node, reader: SpecReader) -> WeightingSpec? {
    let fields = reader.fields(
      node, "weight",
      allowed: ["method", "margins", "start", "bounds", "tolerance", "max_iterations", "missing", "collapse"],
      required: ["method", "margins"])
    let method = reader.choice(fields["method"], "weight.method", WeightingSpec.Method.allCases.map(\.rawValue))
      .flatMap(WeightingSpec.Method.init(rawValue:))
    let margins = reader.strings(fields["margins"], "weight.margins")?.map { $0.split(separator: "*").map(String.init) }
    var spec = WeightingSpec(
      method: method ?? .raking, margins: margins ?? [], start: .equal, bounds: nil,
      tolerance: reader.double(fields["tolerance"], "weight.tolerance") ?? WeightingSpec.defaultTolerance,
      maxIterations: reader.int(fields["max_iterations"], "weight.max_iterations")
        ?? WeightingSpec.defaultMaxIterations,
      missing: reader.choice(fields["missing"], "weight.missing", WeightingSpec.MissingValues.allCases.map(\.rawValue))
        .flatMap(WeightingSpec.MissingValues.init(rawValue:)) ?? .quarantine,
      collapse: [])
    if method == .postStratification && spec.margins.count != 1 {
      reader.report(
        fields["margins"], "post-stratification takes exactly one margin (a crossing such as region*urbain)")
    }
    if let start = fields["start"] {
      if start.scalar?.string == "equal" {
        spec.start = .equal
      } else if let column = reader.fields(start, "weight.start", allowed: ["column"], required: ["column"])["column"] {
        spec.start = reader.string(column, "weight.start.column").map { .column($0) } ?? .equal
      }
    }
    if let boundsNode = fields["bounds"] {
      let values = reader.sequence(boundsNode, "weight.bounds")?.compactMap { reader.double($0, "a bound") }
      if let values, values.count == 2, values[0] > 0, values[0] < 1, values[1] > 1 {
        spec.bounds = values[0]...values[1]
      } else if values != nil {
        reader.report(
          boundsNode,
          "weight.bounds should be [lower, upper] with 0 < lower < 1 < upper (bounds on final / starting weight)")
      }
      if method == .postStratification {
        reader.report(boundsNode, "weight.bounds apply to raking, not to post-stratification")
      }
    }
    spec.collapse = (reader.sequence(fields["collapse"], "weight.collapse") ?? []).compactMap { node in
      let rule = reader.fields(
        node, "a collapse rule", allowed: ["margin", "category", "into"], required: ["margin", "category", "into"])
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
    return method == nil || margins == nil ? nil : spec
  }

  private static func estimation(_ node: Node, reader: SpecReader) -> EstimationSpec? {
    let fields = reader.fields(
      node, "estimate", allowed: ["variables", "totals", "breakdowns", "interval", "level", "min_base", "fpc"],
      required: ["variables"])
    var spec = EstimationSpec(
      variables: reader.strings(fields["variables"], "estimate.variables") ?? [],
      breakdowns: (reader.strings(fields["breakdowns"], "estimate.breakdowns") ?? []).map {
        $0.split(separator: "*").map(String.init)
      },
      interval: reader.choice(fields["interval"], "estimate.interval", IntervalMethod.allCases.map(\.rawValue))
        .flatMap(IntervalMethod.init(rawValue:)) ?? .logit,
      level: EstimationSpec.defaultLevel,
      flagBelow: EstimationSpec.defaultFlagBelow,
      suppressBelow: EstimationSpec.defaultSuppressBelow,
      fpcStrata: nil)
    spec.totals = reader.strings(fields["totals"], "estimate.totals") ?? []
    for name in spec.totals where !spec.variables.contains(name) {
      reader.report(fields["totals"], "estimate.totals: '\(name)' is not among estimate.variables")
    }
    if let level = reader.double(fields["level"], "estimate.level") {
      if level > 0.5 && level < 1 {
        spec.level = level
      } else {
        reader.report(fields["level"], "estimate.level should be a confidence level such as 0.95")
      }
    }
    if let base = fields["min_base"] {
      let thresholds = reader.fields(base, "estimate.min_base", allowed: ["flag", "suppress"])
      spec.flagBelow = reader.int(thresholds["flag"], "estimate.min_base.flag") ?? spec.flagBelow
      spec.suppressBelow = reader.int(thresholds["suppress"], "estimate.min_base.suppress") ?? spec.suppressBelow
      if spec.suppressBelow > spec.flagBelow {
        reader.report(base, "estimate.min_base.suppress should not exceed estimate.min_base.flag")
      }
    }
    if let fpc = fields["fpc"] {
      let strata = reader.fields(fpc, "estimate.fpc", allowed: ["strata"], required: ["strata"])
      spec.fpcStrata = reader.string(strata["strata"], "estimate.fpc.strata")?.split(separator: "*").map(String.init)
    }
    return spec
  }
}
