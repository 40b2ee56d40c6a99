import Foundation
import Testing

@testable import PhareKit

/// The run summary of a wave that failed after a good run.
@Suite struct RunSummaryTests {
  /// The last good run's headlines are announced only when the spec has headlines to show.
  @Test(arguments: [true, false])
  func aFailedWaveAnnouncesItsLastGoodHeadlinesOnlyWhenThereAreSome(_ withHeadlines: Bool) throws {
    let loaded = try Pipeline.load(Fixtures.pipelines("institutions.yml"))
    var spec = loaded.spec
    if !withHeadlines { spec.headlines = [] }
    let pipeline = Pipeline(spec: spec, codebook: loaded.codebook, domains: loaded.domains, waves: loaded.waves)
    var failed = WaveResult(file: WaveFile(wave: "2016", path: "maires-2016.csv"))
    failed.problem = "the export is unreadable"
    let lines = RunSummary.lines(
      pipeline, outcomes: [.failed(failed)], latest: (wave: "2016", indicators: []), outputs: "out")
    let announced = lines.contains { $0.contains("headlines of wave 2016 from its last good run") }
    #expect(announced == withHeadlines)
    #expect(lines.contains("  wave 2016: FAILED, previous outputs kept: the export is unreadable"))
  }
}
