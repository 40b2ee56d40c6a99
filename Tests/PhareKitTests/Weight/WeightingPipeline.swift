import Foundation

@testable import PhareKit

/// A one-wave pipeline in a temporary folder, run through the weight stage.
enum WeightingPipeline {
  /// - Parameter design: the lines of a `design:` section, if any.
  static func run(export: String, codebook: String, weight: String, population: String, design: String? = nil)
    throws -> WaveResult
  {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("in/wave-2016.csv", export)
    try folder.write("population.csv", population)
    try folder.write("codebook.yml", "variables:\n" + codebook)
    let spec = try folder.write(
      "spec.yml",
      """
      survey: test
      inputs: {folder: in}
      codebook: codebook.yml
      populations: population.csv
      weight:
      \(weight)
      """ + (design.map { "\ndesign:\n\($0)\n" } ?? ""))
    return try PipelineRunner(pipeline: try Pipeline.load(spec)).run(through: .weight)[0]
  }

  /// The export cleaned by a pipeline without weighting, for a test to weigh with a `WeightStage`
  /// that `phare validate` would refuse (the run-time defences behind the validation).
  static func clean(export: String, codebook: String) throws -> CleanWave {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("in/wave-2016.csv", export)
    try folder.write("codebook.yml", "variables:\n" + codebook)
    let spec = try folder.write("spec.yml", "survey: test\ninputs: {folder: in}\ncodebook: codebook.yml\n")
    let result = try PipelineRunner(pipeline: try Pipeline.load(spec)).run(through: .clean)[0]
    guard let wave = result.cleaned else { throw FileReadError(path: spec, reason: result.problem ?? "not cleaned") }
    return wave
  }
}
