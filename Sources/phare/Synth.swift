import ArgumentParser
import PhareKit

/// `phare synth --out Fixtures`: the bundled synthetic fixtures, rewritten from their generator.
struct Synth: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the synthetic PHARE fixtures: population margins and three waves of each survey's export.",
    discussion: """
      The real microdata are not public. The generator builds each survey's population and \
      sample (mayors, citizens, associations, companies; waves 2015-2017) so that the population \
      truth is the published PHARE figures, read from published/published-figures.csv, and \
      plants a few dirty rows of every kind the clean stage quarantines. The same seed gives \
      the same bytes; each file is written atomically.
      """
  )

  @Option(help: "The fixtures folder to write into, e.g. Fixtures.", completion: .directory)
  var out: String

  @Option(help: "The seed of the sampling draws.")
  var seed: UInt64 = PhareSynthesis.defaultSeed

  @Option(
    help: "The published figures the truth comes from (default: OUT/published/published-figures.csv).",
    completion: .file(extensions: ["csv"]))
  var published: String?

  @Option(help: "The citizens' sample size per wave: the bundled 3,000, or millions for benchmark data.")
  var citizens = PhareSynthesis.citizens

  func validate() throws {
    guard citizens >= 2000 else { throw ValidationError("--citizens needs at least 2000 (a floor of 150 per region)") }
  }

  func run() throws {
    let figures = try PublishedFigures.load(published ?? out + "/published/published-figures.csv")
    for path in try PhareSynthesis(published: figures, seed: seed, citizens: citizens).write(to: out) {
      print("wrote \(path)")
    }
  }
}
