import Foundation

/// What `phare run` processes: survey pipelines, then the matrices built from them. Folders
/// stand for the specs directly inside them; a matrix brings in the pipelines it reads.
public struct RunPlan: Sendable, Equatable {
  /// Pipeline spec paths, each once, in the order named (a matrix's after those given).
  public var pipelines: [String]
  public var matrices: [MatrixSpec]
  /// Paths that are no spec (absent, a folder without specs) and matrix specs that do not load.
  public var refused: [RefusedSpec] = []

  /// The plan of the given spec files and folders; never throws: what cannot be read is `refused`.
  public static func resolve(_ paths: [String]) -> RunPlan {
    var plan = RunPlan(pipelines: [], matrices: [])
    for given in paths {
      guard let files = specFiles(given) else {
        plan.refused.append(
          RefusedSpec(
            spec: given, problems: [SpecDiagnostic(file: given, line: nil, message: "no such spec file or folder")]))
        continue
      }
      if files.isEmpty {
        plan.refused.append(
          RefusedSpec(
            spec: given, problems: [SpecDiagnostic(file: given, line: nil, message: "the folder holds no .yml spec")]))
      }
      for path in files {
        guard MatrixSpec.declaresMatrix(path) else {
          plan.add(pipeline: path)
          continue
        }
        do {
          plan.matrices.append(try MatrixSpec.load(path))
        } catch let error as SpecProblems {
          plan.refused.append(RefusedSpec(spec: path, problems: error.diagnostics))
        } catch {
          plan.refused.append(
            RefusedSpec(spec: path, problems: [SpecDiagnostic(file: path, line: nil, message: "\(error)")]))
        }
      }
    }
    for index in plan.matrices.indices {
      for measure in plan.matrices[index].measures.indices {
        // A matrix names its pipelines as the plan first spelled them, so that both find one registry record.
        plan.matrices[index].measures[measure].pipeline = plan.add(
          pipeline: plan.matrices[index].measures[measure].pipeline)
      }
    }
    return plan
  }

  /// Adds a pipeline unless the same file is already planned (however spelled, through symbolic
  /// links too); returns its plan path.
  @discardableResult
  private mutating func add(pipeline path: String) -> String {
    let normalised = FilePath.normalise(path)
    func file(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
    if let planned = pipelines.first(where: { file($0) == file(normalised) }) {
      return planned
    }
    pipelines.append(normalised)
    return normalised
  }

  /// A spec file as given, or the `.yml` files directly inside a folder, sorted; nil when the path does not exist.
  private static func specFiles(_ path: String) -> [String]? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
    guard isFolder.boolValue else { return [path] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map {
      FilePath.join(path, $0)
    }
  }
}
