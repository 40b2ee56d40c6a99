/// Associations' and companies' partnerships: the practice (1 has some, 2 plans to, 3 neither), then
/// for those who have some their number and types (the follow-ups the consistency rule guards).
struct PartnershipQuestions: Sendable {
  static let types = ["mecenat", "pratiques_responsables", "cooperation_economique", "innovation_societale"]
  static let columns = ["pratique", "nb_partenariats"] + types

  /// Share of 1 (has partnerships), and how 2 and 3 share the rest.
  var practice: Double
  var planned: Double
  /// Mean number of partnerships among those who have some, and the share of each type.
  var count: Double
  var typeShares: [Double]

  /// Fills the partnership columns of a cell's rows; the practice and the types drift between waves.
  func draw(into rows: inout [[String: String]], key: String, wave: Int, truthWave: Int, draw: inout BalancedDraw) {
    func set(_ column: String, _ values: [Int?]) {
      for (row, value) in values.enumerated() { rows[row][column] = value.map(String.init) ?? "" }
    }
    let has = practice + ModelVariation.drift(key + " pratique", wave: wave, truthWave: truthWave) / 100
    let answers = [(1, has), (2, (1 - has) * planned), (3, (1 - has) * (1 - planned))]
    let practices = draw.single(answers.map { (code: $0, share: $1) }, .dontKnow(9, 0.01, blank: 0))
    set("pratique", practices)
    let partners = practices.indices.filter { practices[$0] == 1 }
    set("nb_partenariats", draw.counts(mean: count, maximum: 40, .blank(0.02), among: partners))
    let shares = zip(Self.types, typeShares).map {
      $1 + ModelVariation.drift(key + " " + $0, wave: wave, truthWave: truthWave) / 100
    }
    for (column, values) in zip(Self.types, draw.items(shares, .blank(0.01), among: partners)) { set(column, values) }
  }
}
