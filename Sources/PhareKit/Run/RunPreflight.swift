/// What `phare validate` and `phare run` check before any data is read, so that a spec that
/// passes never fails a run for a spec reason: every pipeline of the plan passes every check for
/// running (`Pipeline.load(_:through: .estimate)`), survey and matrix names are distinct output
/// folders, and each matrix reads pipelines that pass and estimate what its measures take.
public struct RunPreflight: Sendable {
  public let plan: RunPlan
  /// The pipelines that passed, by spec path.
  public let pipelines: [String: Pipeline]
  /// The matrices that passed.
  public let matrices: [MatrixSpec]
  /// Every spec that did not pass, with its problems, in plan order (pipelines, then matrices).
  public let refused: [RefusedSpec]

  /// Resolves and checks the specs and folders given on the command line.
  public init(_ paths: [String]) {
    let plan = RunPlan.resolve(paths)
    var refused = plan.refused
    var loaded: [String: Pipeline] = [:]
    for path in plan.pipelines {
      do {
        loaded[path] = try Pipeline.load(path, through: .estimate)
      } catch let error as SpecProblems {
        refused.append(RefusedSpec(spec: path, problems: error.diagnostics))
      } catch {
        refused.append(RefusedSpec(spec: path, problems: [SpecDiagnostic(file: path, line: nil, message: "\(error)")]))
      }
    }
    // Two specs writing one output folder, or two pipelines of one survey id (the registry's key):
    // both are refused, since neither can be told to be the right one.
    var owners: [String: [(file: String, line: Int?, isMatrix: Bool)]] = [:]
    for path in plan.pipelines {
      guard let spec = loaded[path]?.spec else { continue }
      owners[spec.survey, default: []].append((path, spec.lines["survey"], false))
    }
    for matrix in plan.matrices {
      owners[matrix.name, default: []].append((matrix.file, matrix.lines["matrix"], true))
    }
    for (name, specs) in owners.sorted(by: { $0.key < $1.key }) where specs.count > 1 {
      let pipelinesOnly = !specs.contains(where: \.isMatrix)
      for spec in specs {
        let others = specs.filter { $0.file != spec.file }.map(\.file).joined(separator: ", ")
        let message =
          pipelinesOnly
          ? "survey '\(name)' is also the survey of \(others) (one output folder, one history in the registry)"
          : "'\(name)' is also the output folder of \(others)"
        let problem = SpecDiagnostic(file: spec.file, line: spec.line, message: message)
        loaded[spec.file] = nil
        if let index = refused.firstIndex(where: { $0.spec == spec.file }) {
          refused[index].problems.append(problem)
        } else {
          refused.append(RefusedSpec(spec: spec.file, problems: [problem]))
        }
      }
    }
    var matrices: [MatrixSpec] = []
    for matrix in plan.matrices where !refused.contains(where: { $0.spec == matrix.file }) {
      let problems = matrix.problems(pipelines: loaded)
      if problems.isEmpty {
        matrices.append(matrix)
      } else {
        refused.append(RefusedSpec(spec: matrix.file, problems: problems))
      }
    }
    self.plan = plan
    self.pipelines = loaded
    self.matrices = matrices
    self.refused = refused
  }

  /// Every problem, in plan order.
  public var problems: [SpecDiagnostic] { refused.flatMap(\.problems) }
}
