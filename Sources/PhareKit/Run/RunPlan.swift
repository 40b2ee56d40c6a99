import Foundation

/// What `phare run` processes: survey pipelines, then the matrices built from them. Folders
/// stand for the specs directly inside them; a matrix brings in the pipelines it reads.
public struct RunPlan: Sendable, Equatable {
  /// Pipeline spec paths, each once, in the order named (a matrix's after those given).
  public var pipelines: [String]
  public var matrices: [MatrixSpec]

  public static func resolve(_ paths: [String]) throws -> RunPlan {
    var plan = RunPlan(pipelines: [], matrices: [])
    var problems: [SpecDiagnostic] = []
    for path in paths.flatMap(specFiles) {
      guard MatrixSpec.declaresMatrix(path) else {
        plan.add(pipeline: path)
        continue
      }
      do {
        plan.matrices.append(try MatrixSpec.load(path))
      } catch let error as SpecProblems {
        problems += error.diagnostics
      }
    }
    for matrix in plan.matrices {
      matrix.pipelines.forEach { plan.add(pipeline: $0) }
    }
    guard problems.isEmpty else { throw SpecProblems(problems) }
    return plan
  }

  private mutating func add(pipeline path: String) {
    let normalised = FilePath.normalise(path)
    if !pipelines.contains(normalised) { pipelines.append(normalised) }
  }

  /// A spec file as given, or the `.yml` files directly inside a folder, sorted.
  private static func specFiles(_ path: String) -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
      let names = try? FileManager.default.contentsOfDirectory(atPath: path)
    else { return [path] }
    return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map {
      FilePath.join(path, $0)
    }
  }
}
