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
    for matrix in plan.matrices {
      matrix.pipelines.forEach { plan.add(pipeline: $0) }
    }
    return plan
  }

  private mutating func add(pipeline path: String) {
    let normalised = FilePath.normalise(path)
    if !pipelines.contains(normalised) { pipelines.append(normalised) }
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
