import Testing

@testable import PhareKit

/// `weight.distance` and the bounds each distance needs, refused with the spec's file and line.
@Suite struct WeightingDistanceSpecTests {
  /// The diagnostics of a spec whose `weight:` section is `weight`, as text.
  private func problems(_ weight: String) throws -> [String] {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "codebook.yml", "variables:\n  id: {type: identifier}\n  q4: {type: single, values: {1: Oui, 2: Non}}\n")
    try folder.write("waves/w2016.csv", "id,q4\n1,1\n")
    let file = try folder.write(
      "pipeline.yml",
      "survey: test\ninputs:\n  folder: waves\n  wave: {file_name: \"w(\\\\d{4})\"}\ncodebook: codebook.yml\nweight:\n"
        + weight)
    do {
      _ = try Pipeline.load(file)
      return []
    } catch let error as SpecProblems {
      return error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }
  }

  @Test func eachDistanceIsReadWithTheBoundsItTakes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    func weighting(_ edit: String) throws -> WeightingSpec? {
      let spec = try SpecFixture.write(
        into: folder, edits: [.init(file: "essai.yml", old: "method: raking", new: edit)])
      return try Pipeline.load(spec, through: .estimate).spec.weight
    }
    let linear = try #require(try weighting("method: calibration\n  distance: linear"))
    #expect(linear.method == .calibration && linear.distance == .linear && linear.bounds == nil)
    #expect(linear.calibrationDistance.name == "linear")
    let logit = try #require(try weighting("method: calibration\n  distance: logit\n  bounds: [0.3, 3]"))
    #expect(logit.calibrationDistance.name == "logit" && logit.calibrationDistance.bounds == 0.3...3)
    // [0, ∞] bounds nothing for raking but keeps truncated-linear weights from going negative.
    let truncated = try #require(
      try weighting("method: calibration\n  distance: truncated-linear\n  bounds: [0, .inf]"))
    #expect(truncated.calibrationDistance.name == "truncated linear" && truncated.bounds == 0...Double.infinity)
    let raking = try #require(try weighting("method: calibration\n  distance: raking\n  bounds: [0, .inf]"))
    #expect(raking.calibrationDistance.name == "raking" && raking.bounds == nil)
  }

  @Test func aDistanceWithoutTheBoundsItNeedsOrWithBoundsItCannotTake() throws {
    #expect(
      try problems("  method: calibration\n  margins: [q4]\n").contains(
        "pipeline.yml:7: method: calibration needs weight.distance: raking, linear, logit or truncated-linear"))
    #expect(
      try problems("  method: raking\n  distance: linear\n  margins: [q4]\n").contains(
        "pipeline.yml:8: weight.distance applies to method: calibration (method: raking is distance: raking)"))
    #expect(
      try problems("  method: calibration\n  distance: logit\n  margins: [q4]\n").contains(
        "pipeline.yml:8: weight.distance: logit needs weight.bounds: [lower, upper] on g"))
    #expect(
      try problems("  method: calibration\n  distance: logit\n  margins: [q4]\n  bounds: [0.5, .inf]\n").contains(
        "pipeline.yml:10: weight.bounds: logit calibration needs a finite upper bound (as R's cal.logit)"))
    #expect(
      try problems("  method: calibration\n  distance: linear\n  margins: [q4]\n  bounds: [0.5, 2]\n").contains(
        "pipeline.yml:10: weight.bounds: linear calibration is unbounded; bounded linear is distance: "
          + "truncated-linear (R's calfun = \"linear\" with bounds, CALMAR method 4)"))
    #expect(
      try problems("  method: calibration\n  distance: greg\n  margins: [q4]\n").contains(
        "pipeline.yml:8: weight.distance should be one of: raking, linear, logit, truncated-linear (found 'greg')"))
  }
}
