import Foundation

@testable import PhareKit

/// A one-wave pipeline in a temporary folder, run through the weight stage.
enum WeightingPipeline {
  static func run(export: String, codebook: String, weight: String, population: String) throws -> WaveResult {
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
      """)
    return try PipelineRunner(pipeline: try Pipeline.load(spec)).run(through: .weight)[0]
  }
}
