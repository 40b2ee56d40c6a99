import Foundation
import Yams

extension MatrixSpec {
  /// Reads a matrix spec; paths are relative to its folder. Every problem is thrown with its line,
  /// including measures naming a pipeline that does not exist.
  public static func load(_ file: String) throws -> MatrixSpec {
    let reader = SpecReader(file: file)
    guard let root = reader.load() else { throw SpecProblems(reader.diagnostics) }
    let top = reader.fields(
      root, "the matrix", allowed: ["matrix", "title", "domains", "breakdown", "measures"],
      required: ["matrix", "domains", "breakdown", "measures"], at: "")
    let folder = (file as NSString).deletingLastPathComponent
    let measures = (reader.sequence(top["measures"], "measures") ?? []).compactMap {
      measure($0, folder: folder, reader: reader)
    }
    var ids: Set<String> = []
    for measure in measures where !ids.insert(measure.id).inserted {
      reader.report(line: measure.line, "measure '\(measure.id)' is defined twice")
    }
    for measure in measures where !FileManager.default.fileExists(atPath: measure.pipeline) {
      reader.report(line: measure.line, "measure '\(measure.id)': pipeline \(measure.pipeline) does not exist")
    }
    let name = reader.string(top["matrix"], "matrix")
    if let name, !PipelineSpec.isFolderName(name) {
      reader.report(
        top["matrix"],
        "matrix '\(name)' names the output folder: use letters, digits, '.', '-' and '_', not starting with '.', "
          + "not phare.sqlite")
    }
    let domains = reader.string(top["domains"], "domains").map { FilePath.join(folder, $0) }
    let breakdown = reader.string(top["breakdown"], "breakdown")
    guard reader.diagnostics.isEmpty, let name, let domains, let breakdown else {
      throw SpecProblems(reader.diagnostics)
    }
    var spec = MatrixSpec(
      file: file, name: name, title: reader.string(top["title"], "title") ?? name, domains: domains,
      breakdown: breakdown, measures: measures)
    spec.lines = reader.lines
    return spec
  }

  /// Whether a YAML spec declares a matrix (top-level `matrix:`) rather than a survey pipeline.
  public static func declaresMatrix(_ file: String) -> Bool {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8), let root = try? Yams.compose(yaml: text)
    else { return false }
    return root.mapping?["matrix"] != nil
  }

  private static func measure(_ node: Node, folder: String, reader: SpecReader) -> MatrixMeasure? {
    let fields = reader.fields(
      node, "a measure", allowed: ["id", "label", "pipeline", "variables", "category"],
      required: ["id", "pipeline", "variables"])
    guard let id = reader.string(fields["id"], "the id of a measure"),
      let pipeline = reader.string(fields["pipeline"], "the pipeline of measure '\(id)'"),
      let variables = reader.string(fields["variables"], "the variables of measure '\(id)'")
    else { return nil }
    return MatrixMeasure(
      id: id, label: reader.string(fields["label"], "the label of measure '\(id)'") ?? id,
      pipeline: FilePath.join(folder, pipeline), variables: variables,
      category: reader.int(fields["category"], "the category of measure '\(id)'"), line: node.mark?.line)
  }
}
