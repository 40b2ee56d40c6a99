/// PHARE-Citoyens: 3,000 adults of an online panel, at least 150 per region (±8 points), raked on
/// region, sex × age and rural / urban; the truth is the published 2015 figures.
struct CitizensModel: SurveyModel {
  static let pipeline = "citoyens"
  var pipeline: String { Self.pipeline }
  static let truthWave = 2015
  static let size = PhareSynthesis.citizens
  static let regionFloor = 150
  let cells: [DesignCell]
  let dialect = ExportDialect.plain
  let identifiers = (prefix: "C", first: 10001)
  let consistencyRule = "employeur-filtre"

  private let domains: DomainQuestions
  /// « Les alliances sont source d'innovation », Oui among those who answered, by region.
  private let alliances: [Int: Double]
  private let adultsByRegion: [Int: Double]

  /// Adults by sex (1 Homme, 2 Femme) × age band (1 18-24, 2 25-34, 3 35-49, 4 50-64, 5 65 and
  /// over), per thousand, around 2015 (approximate).
  static let sexAge: [(sex: Int, age: Int, share: Double)] = [
    (1, 1, 0.053), (1, 2, 0.075), (1, 3, 0.126), (1, 4, 0.118), (1, 5, 0.106),
    (2, 1, 0.052), (2, 2, 0.078), (2, 3, 0.129), (2, 4, 0.125), (2, 5, 0.138),
  ]
  static let ageBands = [1: 18...24, 2: 25...34, 3: 35...49, 4: 50...64, 5: 65...92]
  /// Not published: how much an online panel over- or under-represents each age band.
  static let panelBias = [1: 1.1, 2: 1.2, 3: 1.1, 4: 1.0, 5: 0.7]
  /// Not published: plausible values for the domains the publication does not quote.
  static let importance: [Int: Double] = [
    5: 5.9, 6: 6.2, 7: 5.0, 8: 6.0, 10: 5.6, 11: 5.4, 12: 4.8, 13: 4.9, 14: 6.1, 15: 5.8, 16: 5.7,
  ]
  static let priority: [Int: Double] = [
    2: 0.22, 4: 0.28, 5: 0.18, 7: 0.06, 8: 0.20, 9: 0.21, 10: 0.10, 11: 0.09, 12: 0.05, 13: 0.06, 14: 0.25,
    15: 0.12, 16: 0.14,
  ]
  static let coConstruction: [Int: Double] = [
    2: 0.35, 3: 0.20, 4: 0.30, 5: 0.22, 6: 0.25, 7: 0.12, 8: 0.30, 9: 0.28, 10: 0.18, 11: 0.20, 12: 0.10,
    13: 0.12, 14: 0.33, 15: 0.18, 16: 0.26,
  ]
  /// Not published: activity by age band (1 en emploi, 2 chômage, 3 retraité, 4 étudiant, 5 autre
  /// inactif) and, for those in work, the employer (1 entreprise, 2 fonction publique,
  /// 3 association, 4 à son compte).
  static let activity: [Int: [Double]] = [
    1: [0.45, 0.12, 0, 0.38, 0.05], 2: [0.78, 0.11, 0, 0.03, 0.08], 3: [0.82, 0.08, 0, 0, 0.10],
    4: [0.62, 0.07, 0.22, 0, 0.09], 5: [0.03, 0, 0.94, 0, 0.03],
  ]
  static let employer = [(code: 1, share: 0.62), (2, 0.22), (3, 0.03), (4, 0.13)]
  /// Not published: « Ne sait pas » to « alliances », more frequent among citizens than leaders.
  static let alliancesDontKnow = 0.08

  /// `size` respondents: the bundled 3,000, or millions for the benchmarks (the floor per region stays).
  init(_ published: PublishedFigures, size: Int = size) throws {
    let regions = FrenchRegion.all
    let perRegion = Apportionment.withFloor(size, floor: Self.regionFloor, weights: regions.map { Double($0.adults) })
    var cells: [DesignCell] = []
    for (region, respondents) in zip(regions, perRegion) {
      var shapes: [(codes: [String: Int], population: Double, draw: Double)] = []
      for group in Self.sexAge {
        for urban in 1...2 {
          let urbanShare = urban == 2 ? region.urbanAdultShare : 1 - region.urbanAdultShare
          let population = Double(region.adults) * group.share * urbanShare
          shapes.append(
            (
              ["region": region.code, "sexe": group.sex, "age": group.age, "urbain": urban], population,
              population * Self.panelBias[group.age]!
            ))
        }
      }
      let counts = Apportionment.largestRemainder(respondents, weights: shapes.map(\.draw))
      cells += zip(shapes, counts).map { DesignCell(codes: $0.codes, population: $0.population, respondents: $1) }
    }
    self.cells = cells
    domains = try DomainQuestions(
      published, pipeline: Self.pipeline, importance: Self.importance, priority: Self.priority,
      coConstruction: Self.coConstruction)
    alliances = try Dictionary(
      uniqueKeysWithValues: regions.map {
        ($0.code, try published.required(Self.pipeline, "alliances", breakdown: "region", at: String($0.publishedCode)))
      })
    adultsByRegion = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, Double($0.adults)) })
  }

  func exportPath(wave: Int) -> String { "citoyens/citoyens-\(wave).csv" }

  var population: (path: String, text: String) {
    let regions = FrenchRegion.all
    let total = regions.reduce(0) { $0 + $1.adults }
    let urban = regions.reduce(0.0) { $0 + Double($1.adults) * $1.urbanAdultShare }
    var file = PopulationFile()
    file.add("region", regions.map { (String($0.code), $0.adults) })
    let sexAge = Apportionment.largestRemainder(total, weights: Self.sexAge.map(\.share))
    file.add("sexe*age", zip(Self.sexAge, sexAge).map { ("\($0.sex)*\($0.age)", $1) })
    let urbanTotal = Int(urban.rounded())
    file.add("urbain", [("1", total - urbanTotal), ("2", urbanTotal)])
    return ("populations/adultes-2015.csv", file.text)
  }

  /// The panel wrote sex as a code in 2015 and as a label later, and named the age column
  /// `age_annees` in 2017.
  func headings(wave: Int) -> [(column: String, heading: String)] {
    let fixed =
      ["id", "email", "region", "urbain", "sexe"].map { ($0, $0) } + [("age", wave == 2017 ? "age_annees" : "age")]
    let answers = ["activite", "employeur"] + DomainQuestions.columns + ["alliances"]
    return fixed + answers.map { ($0, $0) }
  }

  func respondents(in cell: DesignCell, wave: Int, draw: inout BalancedDraw) -> [[String: String]] {
    let region = cell["region"]
    let sex = wave == 2015 ? String(cell["sexe"]) : cell["sexe"] == 1 ? "Homme" : "Femme"
    var rows = [[String: String]](
      repeating: ["region": String(region), "urbain": String(cell["urbain"]), "sexe": sex], count: cell.respondents)
    func set(_ column: String, _ values: [Int?]) {
      for (row, value) in values.enumerated() { rows[row][column] = value.map(String.init) ?? "" }
    }
    let band = Self.ageBands[cell["age"]]!
    for row in rows.indices {
      rows[row]["age"] = String(band.lowerBound + draw.random.below(band.count))
    }
    let activity = draw.single(zip(1...5, Self.activity[cell["age"]]!).map { ($0, $1) }, .none)
    set("activite", activity)
    set("employeur", draw.single(Self.employer, .blank(0.01), among: activity.indices.filter { activity[$0] == 1 }))
    domains.draw(
      into: &rows, region: region, weights: adultsByRegion, wave: wave, truthWave: Self.truthWave, draw: &draw)
    let yes = alliances[region]! + ModelVariation.drift("alliances", wave: wave, truthWave: Self.truthWave) / 100
    set("alliances", draw.single([(1, yes), (2, 1 - yes)], .dontKnow(9, Self.alliancesDontKnow, blank: 0.005)))
    return rows
  }

  func personalData(_ random: inout SplitMix64) -> [String: String] {
    ["email": FakePerson(&random, domain: "panel-exemple.fr").email]
  }

  var defects: [DirtyRowKind: [String: String]] {
    [
      .unknownCode: ["alliances": "3"],
      .outOfRange: ["importance_05": "11"],
      .missingRequired: ["region": ""],
      .inconsistent: ["activite": "3", "employeur": "1"],
      .unparseable: ["age": "trente"],
    ]
  }
}
