import Foundation

extension PipelineSpec {
  /// The survey id that `phare history` looks up for `name`: the `survey:` of the pipeline spec at
  /// that path when it is a file (however spelled: relative, absolute, `./x`, through a symbolic
  /// link), else `name` itself as a survey id. Throws `SpecProblems` for a file that cannot be read
  /// as YAML or has no `survey:`.
  public static func survey(named name: String) throws -> String {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), !isFolder.boolValue else {
      return name
    }
    let reader = SpecReader(file: name)
    guard let root = reader.load() else { throw SpecProblems(reader.diagnostics) }
    guard let survey = root.mapping?["survey"]?.string else {
      throw SpecProblems([
        SpecDiagnostic(file: name, line: nil, message: "no survey: key, so not a pipeline spec")
      ])
    }
    return survey
  }
}
