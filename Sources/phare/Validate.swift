import ArgumentParser
import PhareKit

/// `phare validate PIPELINE`: checks a pipeline without writing anything.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a pipeline spec, its codebook and its input headers; write nothing.",
    discussion: """
      Reports every problem found, not just the first, each as FILE:LINE: message: YAML \
      errors, unknown keys (a typo must not disable a setting), unknown variables, duplicate \
      definitions, inputs missing a codebook column. Exit code 0 only when all is well.
      """
  )

  @Argument(help: "The pipeline spec (YAML), e.g. Pipelines/institutions.yml.")
  var pipeline: String

  func run() throws {
    let loaded = try PipelineLoader.load(pipeline)
    let problems = loaded.checkInputs()
    for diagnostic in problems {
      PipelineLoader.printError("error: \(diagnostic)")
    }
    guard problems.isEmpty else {
      PipelineLoader.printError("\(problems.count) problem(s) in the inputs of \(pipeline)")
      throw ExitCode.failure
    }
    let waves = loaded.waves.map(\.wave).joined(separator: ", ")
    print("\(pipeline): ok — \(loaded.codebook.variables.count) variables, waves \(waves)")
  }
}
