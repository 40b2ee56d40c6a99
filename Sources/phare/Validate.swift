import ArgumentParser
import PhareKit

/// `phare validate SPEC|FOLDER…`: the checks `phare run` makes before reading any data, and the
/// wave files' headers; writes nothing.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check pipeline and matrix specs, their codebooks, populations and input headers; write nothing.",
    discussion: """
      Accepts exactly what `phare run` accepts (specs, folders of specs) and makes the same \
      checks `phare run` makes before touching data: YAML errors, unknown keys, every name a \
      spec or codebook uses (a variable of a kind that fits its use), numeric settings in their \
      domain, the populations file (well-formed, positive totals, the codebook's categories, \
      margins summing to one population), a codebook's `waves:` (a list or a from/to range of \
      wave ids; margins, breakdowns and fpc strata asked in every wave), distinct output \
      folders, matrices against the pipelines they read; then each wave file's header against \
      the variables that wave asks. Every problem is \
      printed as FILE:LINE: message, all of them at once. Exit code 0 only when all is well, else 1.
      """
  )

  @Argument(help: "Pipeline or matrix specs, or folders of them (e.g. Pipelines).", completion: .file())
  var specs: [String]

  func run() throws {
    let preflight = RunPreflight(specs)
    var problems = preflight.problems
    for path in preflight.plan.pipelines {
      guard let pipeline = preflight.pipelines[path] else { continue }
      let inputs = pipeline.checkInputs()
      problems += inputs
      if inputs.isEmpty {
        let waves =
          if case .column(let column) = pipeline.spec.inputs.wave {
            "\(pipeline.waves.count) exports, wave ids from column \(column)"
          } else {
            "waves " + pipeline.waves.map(\.wave).joined(separator: ", ")
          }
        print("\(path): ok — \(pipeline.codebook.variables.count) variables, \(waves)")
      }
    }
    for matrix in preflight.matrices {
      print("\(matrix.file): ok — matrix \(matrix.name), \(matrix.measures.count) measures")
    }
    problems.forEach { PipelineLoader.printError($0.description) }
    guard problems.isEmpty else {
      let files = Set(problems.map(\.file)).count
      PipelineLoader.printError("\(problems.count) problem(s) in \(files) file(s)")
      throw ExitCode.failure
    }
  }
}
