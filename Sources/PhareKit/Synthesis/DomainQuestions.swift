/// The 16-domain questions the citizens, associations and companies share (importance, priority,
/// co-construction), drawn for a cell from national truths with plausible centred regional variation.
struct DomainQuestions: Sendable {
  /// Mean importance score out of 10, share citing the domain as a priority, share citing it
  /// as a priority for co-construction, per domain 1 to 16.
  let importance: [Double]
  let priority: [Double]
  let coConstruction: [Double]

  init(
    _ published: PublishedFigures, pipeline: String, importance: [Int: Double], priority: [Int: Double],
    coConstruction: [Int: Double]
  ) throws {
    self.importance = try published.domains(
      pipeline, "importance_", category: "", statistic: "mean", plausible: importance)
    self.priority = try published.domains(pipeline, "priorite_", plausible: priority)
    self.coConstruction = try published.domains(pipeline, "coconstruction_", plausible: coConstruction)
  }

  static func column(_ prefix: String, _ domain: Int) -> String { prefix + (domain < 10 ? "0" : "") + String(domain) }

  static var columns: [String] {
    ["importance_", "priorite_", "coconstruction_"].flatMap { prefix in (1...16).map { column(prefix, $0) } }
  }

  /// Fills the 48 domain columns of a cell's rows.
  func draw(
    into rows: inout [[String: String]], region: Int, weights: [Int: Double], wave: Int, truthWave: Int,
    draw: inout BalancedDraw
  ) {
    func set(_ column: String, _ values: [Int?]) {
      for (row, value) in values.enumerated() { rows[row][column] = value.map(String.init) ?? "" }
    }
    for domain in 1...16 {
      let column = Self.column("importance_", domain)
      let mean = ModelVariation.score(
        column, importance[domain - 1], region: region, weights: weights, wave: wave, truthWave: truthWave)
      set(column, draw.scores(mean: mean, range: 0...10, .dontKnow(99, 0.03, blank: 0.01)))
    }
    for (prefix, national) in [("priorite_", priority), ("coconstruction_", coConstruction)] {
      let columns = (1...16).map { Self.column(prefix, $0) }
      let shares = zip(columns, national).map {
        ModelVariation.share($0, $1, region: region, weights: weights, wave: wave, truthWave: truthWave)
      }
      for (column, values) in zip(columns, draw.items(shares, .blank(0.01))) { set(column, values) }
    }
  }
}
