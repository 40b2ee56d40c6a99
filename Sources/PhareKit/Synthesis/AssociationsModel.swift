/// PHARE-Associations: 1,000 leaders, 40 per region plus a share, employer associations 30% of the
/// sample (12% of the associations), raked on region and type; the truth is the published 2015 figures.
struct AssociationsModel: SurveyModel {
  static let pipeline = "associations"
  var pipeline: String { Self.pipeline }
  static let truthWave = 2015
  static let size = 1000
  static let regionFloor = 40
  static let employerShare = 0.30
  let cells: [DesignCell]
  let dialect = ExportDialect.windowsSemicolon
  let identifiers = (prefix: "A", first: 1001)
  let consistencyRule = "partenariats-filtre"

  private let domains: DomainQuestions
  private let alliances: Double
  /// Partnership answers per zone and type.
  private let partnerships: [[Int]: PartnershipQuestions]
  private let associationsByRegion: [Int: Double]

  /// Not published: plausible values for the domains the publication does not quote.
  static let importance: [Int: Double] = [6: 4.6, 7: 5.5, 8: 5.6, 9: 5.2, 12: 4.9, 13: 5.5]
  static let priority: [Int: Double] = [
    2: 0.25, 3: 0.30, 4: 0.45, 5: 0.28, 6: 0.10, 7: 0.22, 8: 0.30, 9: 0.15, 10: 0.12, 12: 0.10, 13: 0.25,
    14: 0.35, 16: 0.20,
  ]
  static let coConstruction: [Int: Double] = [
    2: 0.30, 3: 0.22, 4: 0.38, 5: 0.25, 6: 0.12, 7: 0.24, 8: 0.32, 9: 0.20, 10: 0.15, 11: 0.40, 12: 0.12,
    13: 0.28, 14: 0.30, 15: 0.36, 16: 0.20,
  ]

  init(_ published: PublishedFigures) throws {
    let regions = FrenchRegion.all
    let perRegion = Apportionment.withFloor(
      Self.size, floor: Self.regionFloor, weights: regions.map { Double($0.associations) })
    let employers = Apportionment.largestRemainder(
      Int((Double(Self.size) * Self.employerShare).rounded()), weights: perRegion.map(Double.init))
    cells = regions.indices.flatMap { index in
      let region = regions[index]
      return [
        DesignCell(
          codes: ["region": region.code, "type": 1], population: Double(region.employerAssociations),
          respondents: employers[index]),
        DesignCell(
          codes: ["region": region.code, "type": 2],
          population: Double(region.associations - region.employerAssociations),
          respondents: perRegion[index] - employers[index]),
      ]
    }
    domains = try DomainQuestions(
      published, pipeline: Self.pipeline, importance: Self.importance, priority: Self.priority,
      coConstruction: Self.coConstruction)
    alliances = try published.required(Self.pipeline, "alliances")
    let planned = try published.required(Self.pipeline, "pratique", category: "2")
    let unplanned = try published.required(Self.pipeline, "pratique", category: "3")
    let count = try published.required(Self.pipeline, "nb_partenariats", category: "", statistic: "mean")
    let types = try PartnershipQuestions.types.map { try published.required(Self.pipeline, $0) }
    var partnerships: [[Int]: PartnershipQuestions] = [:]
    for zone in 1...5 {
      let members = regions.filter { $0.zone == zone }
      let all = Double(members.reduce(0) { $0 + $1.associations })
      let employer = Double(members.reduce(0) { $0 + $1.employerAssociations })
      let zoneShare = try published.required(Self.pipeline, "pratique", breakdown: "zone", at: String(zone))
      let employerShare = try published.required(Self.pipeline, "pratique", breakdown: "zone*type", at: "\(zone)*1")
      let volunteerShare = (zoneShare * all - employerShare * employer) / (all - employer)
      for (type, share) in [(1, employerShare), (2, volunteerShare)] {
        partnerships[[zone, type]] = PartnershipQuestions(
          practice: share, planned: planned / (planned + unplanned), count: count, typeShares: types)
      }
    }
    self.partnerships = partnerships
    associationsByRegion = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, Double($0.associations)) })
  }

  func exportPath(wave: Int) -> String { "associations/associations-\(wave).csv" }

  var population: (path: String, text: String) {
    let regions = FrenchRegion.all
    var file = PopulationFile()
    file.add("region", regions.map { (String($0.code), $0.associations) })
    let employers = regions.reduce(0) { $0 + $1.employerAssociations }
    file.add("type", [("1", employers), ("2", regions.reduce(0) { $0 + $1.associations } - employers)])
    file.add(
      "region*type",
      regions.flatMap {
        [("\($0.code)*1", $0.employerAssociations), ("\($0.code)*2", $0.associations - $0.employerAssociations)]
      })
    return ("populations/associations-2015.csv", file.text)
  }

  /// The region column was renamed `code_region` in 2017.
  func headings(wave: Int) -> [(column: String, heading: String)] {
    let named =
      ["id", "nom", "telephone", "email"].map { ($0, $0) } + [("region", wave == 2017 ? "code_region" : "region")]
    let answers = ["zone", "type"] + DomainQuestions.columns + ["alliances"] + PartnershipQuestions.columns
    return named + answers.map { ($0, $0) }
  }

  func respondents(in cell: DesignCell, wave: Int, draw: inout BalancedDraw) -> [[String: String]] {
    let region = FrenchRegion.named(cell["region"])
    var rows = [[String: String]](
      repeating: ["region": String(region.code), "zone": String(region.zone), "type": String(cell["type"])],
      count: cell.respondents)
    domains.draw(
      into: &rows, region: region.code, weights: associationsByRegion, wave: wave, truthWave: Self.truthWave,
      draw: &draw)
    let yes = ModelVariation.share(
      "alliances", alliances, region: region.code, weights: associationsByRegion, wave: wave,
      truthWave: Self.truthWave)
    let answers = draw.single([(1, yes), (2, 1 - yes)], .dontKnow(9, 0.03, blank: 0.005))
    for (row, value) in answers.enumerated() { rows[row]["alliances"] = value.map(String.init) ?? "" }
    partnerships[[region.zone, cell["type"]]]!.draw(
      into: &rows, key: pipeline, wave: wave, truthWave: Self.truthWave, draw: &draw)
    return rows
  }

  func personalData(_ random: inout SplitMix64) -> [String: String] {
    let person = FakePerson(&random, domain: "asso-exemple.fr")
    return ["nom": person.name, "telephone": person.phone, "email": person.email]
  }

  var defects: [DirtyRowKind: [String: String]] {
    [
      .unknownCode: ["pratique": "4"],
      .outOfRange: ["nb_partenariats": "1200"],
      .missingRequired: ["type": ""],
      .inconsistent: ["pratique": "3", "nb_partenariats": "2"],
      .unparseable: ["nb_partenariats": "beaucoup"],
    ]
  }
}
