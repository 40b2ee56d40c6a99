import Testing

@testable import PhareKit

/// A pipeline's indicators per wave, told from its spec and codebook, is what its waves give
/// (for the shipped pipelines, within a tenth), so `phare run` starts the largest first.
@Suite struct PipelineWorkloadTests {
  @Test(arguments: ["associations", "citoyens", "entreprises", "institutions"])
  func indicatorsPerWaveIsWhatAWaveGives(_ survey: String) throws {
    let shipped = try Pipeline.load(Fixtures.pipelines(survey + ".yml"))
    let first = try #require(shipped.waves.first)
    let pipeline = Pipeline(spec: shipped.spec, codebook: shipped.codebook, domains: shipped.domains, waves: [first])
    let given = try #require(try PipelineRunner(pipeline: pipeline).run(through: .estimate).first?.indicators).count
    let told = pipeline.indicatorsPerWave
    #expect(abs(Double(told - given)) <= 0.1 * Double(given), "\(survey): told \(told), a wave gives \(given)")
  }
}
