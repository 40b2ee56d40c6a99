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
      allowed: [
        "survey", "title", "actor", "inputs", "codebook", "populations", "domains", "clean", "design", "weight",
        "estimate",
        "headlines", "outputs", "report",
      ],
      required: ["survey", "inputs", "codebook"],
      at: ""
    )
    let folder = (file as NSString).deletingLastPathComponent
    func resolve(_ path: String) -> String { FilePath.join(folder, path) }
    let survey = reader.string(top["survey"], "survey")
    if let survey, !isFolderName(survey) {
      reader.report(
        top["survey"],
        "survey '\(survey)' names the output folder: use letters, digits, '.', '-' and '_', not starting with '.', "
          + "not phare.sqlite")
    }
    let inputs = top["inputs"].flatMap { self.inputs($0, reader: reader, resolve: resolve) }
    let codebook = reader.string(top["codebook"], "codebook").map(resolve)
    let clean = top["clean"].map { self.clean($0, reader: reader) } ?? defaultClean
    let headlines = (reader.sequence(top["headlines"], "headlines") ?? []).compactMap {
      headline($0, reader: reader)
    }
    guard let survey, let inputs, let codebook else { return nil }
    var spec = PipelineSpec(
      file: file,
      survey: survey,
      title: reader.string(top["title"], "title") ?? survey,
      actor: reader.string(top["actor"], "actor") ?? survey,
      inputs: inputs,
      codebook: codebook,
      populations: reader.string(top["populations"], "populations").map(resolve),
      domains: reader.string(top["domains"], "domains").map(resolve),
      clean: clean,
      weight: top["weight"].flatMap { weighting($0, reader: reader) },
      estimate: top["estimate"].flatMap { estimation($0, reader: reader) }
    )
    spec.design = top["design"].map { design($0, reader: reader) }
    spec.headlines = headlines
    if let node = top["outputs"] { spec.outputs = outputs(node, reader: reader) }
    if let node = top["report"] { spec.report = report(node, reader: reader) }
    spec.lines = reader.lines
    return spec
  }

  /// Whether a survey or matrix name is safe as one folder directly inside the output folder:
  /// one path component, not hidden, not the run registry's files (`phare.sqlite…`).
  static func isFolderName(_ name: String) -> Bool {
    FilePath.isPlainName(name) && !name.hasPrefix("phare.sqlite")
  }

  private static func headline(_ node: Node, reader: SpecReader) -> Headline? {
    let fields = reader.fields(node, "a headline", allowed: ["variable", "category"], required: ["variable"])
    return reader.string(fields["variable"], "the variable of a headline").map {
      Headline(
        variable: $0, category: reader.int(fields["category"], "the category of a headline"), line: node.mark?.line)
    }
  }

  /// `outputs: {microdata: [csv, sav, dta]}`; each format named once.
  private static func outputs(_ node: Node, reader: SpecReader) -> Outputs {
    let fields = reader.fields(node, "outputs", allowed: ["microdata"], at: "outputs")
    var outputs = Outputs()
    guard let node = fields["microdata"] else { return outputs }
    let choices = MicrodataFormat.allCases.map(\.rawValue)
    if node.sequence?.isEmpty == true {
      outputs.microdata = []
    } else if let items = reader.sequence(node, "outputs.microdata") {
      var formats: [MicrodataFormat] = []
      for item in items {
        guard let choice = reader.choice(item, "each item of outputs.microdata", choices) else { continue }
        let format = MicrodataFormat(rawValue: choice)!
        if formats.contains(format) {
          reader.report(item, "outputs.microdata names '\(choice)' twice")
        } else {
          formats.append(format)
        }
      }
      outputs.microdata = formats
    }
    return outputs
  }

  private static var defaultClean: Clean {
    Clean(quarantineThreshold: defaultQuarantineThreshold, dontKnow: .exclude, derived: [], consistency: [])
  }

  private static func inputs(_ node: Node, reader: SpecReader, resolve: (String) -> String) -> Inputs? {
    let fields = reader.fields(
      node, "inputs", allowed: ["folder", "files", "wave", "separator", "encoding"], required: ["folder"], at: "inputs")
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
      if separator == nil { reader.report(separatorNode, "inputs.separator should be ',', ';', 'tab' or '|'") }
    }
    var encoding = InputEncoding.auto
    if let encodingNode = fields["encoding"], let text = reader.string(encodingNode, "inputs.encoding") {
      if let value = InputEncoding(rawValue: text.lowercased()) {
        encoding = value
      } else {
        reader.report(encodingNode, "inputs.encoding should be 'auto', 'utf-8', 'windows-1252' or 'mixed'")
      }
    }
    guard let folder = reader.string(fields["folder"], "inputs.folder") else { return nil }
    return Inputs(
      folder: resolve(folder),
      files: reader.string(fields["files"], "inputs.files") ?? "*.csv",
      wave: wave,
      separator: separator,
      encoding: encoding
    )
  }

  private static func clean(_ node: Node, reader: SpecReader) -> Clean {
    let fields = reader.fields(
      node, "clean", allowed: ["quarantine_threshold", "dont_know", "derived", "consistency", "invalid_cells"],
      at: "clean")
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
    let cellChoices = InvalidCells.allCases.map(\.rawValue)
    if let choice = reader.choice(fields["invalid_cells"], "clean.invalid_cells", cellChoices) {
      clean.invalidCells = InvalidCells(rawValue: choice)!
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
    return DerivedVariable.Band(lower: lower, upper: upper, code: code, label: label, line: node.mark?.line)
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
}
