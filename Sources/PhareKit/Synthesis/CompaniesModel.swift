/// PHARE-Entreprises: 1,000 company heads, 600 of them in companies of 10 and more (a sixth of the
/// companies), raked on region and size; the truth is the published 2015 figures.
struct CompaniesModel: SurveyModel {
  static let pipeline = "entreprises"
  var pipeline: String { Self.pipeline }
  static let truthWave = 2015
  /// Respondents and regional floor per size: 1 fewer than 10 employees, 2 10 and more.
  static let sizes = [1: (respondents: 400, floor: 10), 2: (respondents: 600, floor: 15)]
  let cells: [DesignCell]
  let dialect = ExportDialect.windowsComma
  let identifiers = (prefix: "E", first: 1001)
  let consistencyRule = "partenariats-filtre"

  private let domains: DomainQuestions
  private let alliances: Double
  /// Partnership answers per region and size.
  private let partnerships: [[Int]: PartnershipQuestions]
  private let companiesByRegion: [Int: Double]

  /// Not published: plausible values for the domains the publication does not quote.
  static let importance: [Int: Double] = [5: 4.2, 6: 4.6, 7: 4.3, 11: 4.5, 12: 4.7, 14: 4.7]
  static let priority: [Int: Double] = [
    2: 0.27, 5: 0.12, 6: 0.18, 7: 0.08, 8: 0.20, 9: 0.15, 10: 0.14, 11: 0.08, 12: 0.10, 13: 0.06, 14: 0.16,
    15: 0.15, 16: 0.22,
  ]
  static let coConstruction: [Int: Double] = [
    2: 0.45, 3: 0.22, 4: 0.25, 5: 0.15, 6: 0.14, 7: 0.16, 8: 0.35, 9: 0.25, 10: 0.22, 11: 0.12, 12: 0.18,
    13: 0.10, 14: 0.20, 15: 0.15, 16: 0.30,
  ]
  /// Not published: the partnerships of companies with fewer than 10 employees (practice,
  /// planned share of those without, mean number, types).
  static let small = PartnershipQuestions(
    practice: 0.14, planned: 0.07, count: 2.8, typeShares: [0.40, 0.30, 0.30, 0.10])

  init(_ published: PublishedFigures) throws {
    let regions = FrenchRegion.all
    func companies(_ region: FrenchRegion, _ size: Int) -> Int {
      size == 1 ? region.smallCompanies : region.largeCompanies
    }
    let perRegion = Dictionary(
      uniqueKeysWithValues: Self.sizes.map { size, design in
        (
          size,
          Apportionment.withFloor(
            design.respondents, floor: design.floor, weights: regions.map { Double(companies($0, size)) })
        )
      })
    cells = regions.indices.flatMap { index in
      (1...2).map { size in
        DesignCell(
          codes: ["region": regions[index].code, "taille": size],
          population: Double(companies(regions[index], size)), respondents: perRegion[size]![index])
      }
    }
    domains = try DomainQuestions(
      published, pipeline: Self.pipeline, importance: Self.importance, priority: Self.priority,
      coConstruction: Self.coConstruction)
    alliances = try published.required(Self.pipeline, "alliances")
    let planned = try published.required(Self.pipeline, "pratique", category: "2", breakdown: "taille", at: "2")
    let unplanned = try published.required(Self.pipeline, "pratique", category: "3", breakdown: "taille", at: "2")
    let count = try published.required(
      Self.pipeline, "nb_partenariats", category: "", breakdown: "taille", at: "2", statistic: "mean")
    let types = try PartnershipQuestions.types.map {
      try published.required(Self.pipeline, $0, breakdown: "taille", at: "2")
    }
    var partnerships: [[Int]: PartnershipQuestions] = [:]
    let smallWeights = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, Double($0.smallCompanies)) })
    for region in regions {
      let practice = try published.required(
        Self.pipeline, "pratique", breakdown: "region*taille", at: "\(region.publishedCode)*2")
      partnerships[[region.code, 2]] = PartnershipQuestions(
        practice: practice, planned: planned / (planned + unplanned), count: count, typeShares: types)
      var small = Self.small
      small.practice = ModelVariation.share(
        "pratique small", small.practice, region: region.code, weights: smallWeights, wave: Self.truthWave,
        truthWave: Self.truthWave)
      partnerships[[region.code, 1]] = small
    }
    self.partnerships = partnerships
    companiesByRegion = Dictionary(
      uniqueKeysWithValues: regions.map { ($0.code, Double($0.smallCompanies + $0.largeCompanies)) })
  }

  func exportPath(wave: Int) -> String { "entreprises/entreprises-\(wave).csv" }

  var population: (path: String, text: String) {
    let regions = FrenchRegion.all
    var file = PopulationFile()
    file.add("region", regions.map { (String($0.code), $0.smallCompanies + $0.largeCompanies) })
    file.add(
      "taille",
      [("1", regions.reduce(0) { $0 + $1.smallCompanies }), ("2", regions.reduce(0) { $0 + $1.largeCompanies })])
    file.add(
      "region*taille", regions.flatMap { [("\($0.code)*1", $0.smallCompanies), ("\($0.code)*2", $0.largeCompanies)] })
    return ("populations/entreprises-2015.csv", file.text)
  }

  /// The head count was `effectif` in 2015, `effectif_salarie` afterwards.
  func headings(wave: Int) -> [(column: String, heading: String)] {
    let named =
      ["id", "nom", "telephone", "email", "region"].map { ($0, $0) } + [
        ("effectif", wave == 2015 ? "effectif" : "effectif_salarie")
      ]
    return named + (DomainQuestions.columns + ["alliances"] + PartnershipQuestions.columns).map { ($0, $0) }
  }

  func respondents(in cell: DesignCell, wave: Int, draw: inout BalancedDraw) -> [[String: String]] {
    let region = cell["region"]
    let size = cell["taille"]
    var rows = [[String: String]](repeating: ["region": String(region)], count: cell.respondents)
    for row in rows.indices {
      let employees =
        size == 1
        ? 1 + min(draw.random.below(9), draw.random.below(9)) : 10 + draw.random.below(40) * (1 + draw.random.below(25))
      rows[row]["effectif"] = String(employees)
    }
    domains.draw(
      into: &rows, region: region, weights: companiesByRegion, wave: wave, truthWave: Self.truthWave, draw: &draw)
    let yes = ModelVariation.share(
      "alliances", alliances, region: region, weights: companiesByRegion, wave: wave, truthWave: Self.truthWave)
    let answers = draw.single([(1, yes), (2, 1 - yes)], .dontKnow(9, 0.04, blank: 0.005))
    for (row, value) in answers.enumerated() { rows[row]["alliances"] = value.map(String.init) ?? "" }
    partnerships[[region, size]]!.draw(
      into: &rows, key: "\(pipeline) \(size)", wave: wave, truthWave: Self.truthWave, draw: &draw)
    return rows
  }

  func personalData(_ random: inout SplitMix64) -> [String: String] {
    let person = FakePerson(&random, domain: "entreprise-exemple.fr")
    return ["nom": person.name, "telephone": person.phone, "email": person.email]
  }

  var defects: [DirtyRowKind: [String: String]] {
    [
      .unknownCode: ["alliances": "5"],
      .outOfRange: ["effectif": "0"],
      .missingRequired: ["region": ""],
      .inconsistent: ["pratique": "2", "mecenat": "1"],
      .unparseable: ["importance_03": "sept"],
    ]
  }
}
