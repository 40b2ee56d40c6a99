import ArgumentParser

/// What the benchmarks that run the `phare` binary share: the binary, the shipped pipelines and
/// how many times each measured run is repeated.
struct JobOptions: ParsableArguments {
  @Option(help: "The phare executable (a release build).")
  var phare = ".build/release/phare"

  @Option(help: "The shipped pipelines folder.")
  var pipelines = "Pipelines"

  @Option(help: "Runs of each measurement; the median is reported.")
  var `repeat` = 3

  func validate() throws {
    guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
  }
}
