/// PHARE-Institutions: 304 mayors, 85% rural, « raisonné » (14 per region plus a share, one urban
/// mayor at least), post-stratified to the 35,795 communes; the truth is the published 2016 figures.
struct MayorsModel: SurveyModel {
  static let pipeline = "institutions"
  var pipeline: String { Self.pipeline }
  static let truthWave = 2016
  let cells: [DesignCell]
  let dialect = ExportDialect.frenchExcel
  let identifiers = (prefix: "M", first: 1000)
  let consistencyRule = "q5-filtre"

  /// Q3 « les alliances sont source d'innovation »: share of Oui among those who answered.
  private let q3Yes: Double
  /// Q4, its four answers.
  private let q4: [Double]
  /// Q2 « très important » per domain (1 to 16).
  private let q2VeryImportant: [Double]
  /// Q8 modes among the mayors who answered (pragmatique, intelligence collaborative, dynamique,
  /// synergie / mutualisation, autre), and the share who answered.
  private let q8Modes: [Double]
  private let q8Answered: Double
  private let communesByRegion: [Int: Double]
  private let urbanCommuneShare: Double

  /// Not published: plausible « très important » for the domains the publication does not quote
  /// (about half for emploi, développement économique, environnement, santé, éducation: published).
  static let plausibleQ2: [Int: Double] = [
    3: 0.38, 4: 0.40, 5: 0.36, 6: 0.42, 7: 0.33, 10: 0.44, 11: 0.46, 12: 0.41, 13: 0.38, 15: 0.45, 16: 0.47,
  ]
  /// Published as « higher in urban communes » without figures: 10 points more in urban than rural.
  static let urbanQ2Domains: Set<Int> = [1, 4, 11]
  /// Not published: how the other answers of Q2 share what « très important » leaves.
  static let q2Rest = [0.55, 0.30, 0.15]
  /// Not published: the share of mayors naming actors whose role is very important (citizens,
  /// associations, companies), who carries the dynamic (Q5), the « autre » mode of Q8, the function.
  static let q1 = [0.55, 0.78, 0.42]
  static let q5 = [(code: 1, share: 0.38), (2, 0.14), (3, 0.06), (4, 0.42)]
  static let q8Other = 0.25
  static let mayorShare = 0.62
  static let comments = [
    "Très bonne initiative", "Manque de moyens ; besoin d'aide", "Les associations sont très actives",
    "Difficile de mobiliser les entreprises", "Intercommunalité à impliquer",
  ]
  static let communeStems = [
    "Saint-Éloi", "Villeneuve", "Montagnac", "Beaulieu", "Roche", "Fontaine", "Valmont", "Bellevue", "Mesnil",
    "Sainte-Marie", "Chanteloup", "Pontcroix",
  ]
  static let communeEndings = ["", "", "-sur-Loire", "-le-Château", "-en-Vallée", "-la-Forêt", "-les-Bains"]

  init(_ published: PublishedFigures) throws {
    let size = Int(try published.required(Self.pipeline, "", category: "", statistic: "sample_size"))
    let ruralShare = try published.required(Self.pipeline, "urbain", category: "1", statistic: "sample_share")
    let urban = size - Int((Double(size) * ruralShare).rounded())
    let regions = FrenchRegion.all
    let perRegion = Apportionment.withFloor(size, floor: 14, weights: regions.map { Double($0.communes) })
    let urbanPerRegion = Apportionment.withFloor(urban, floor: 1, weights: regions.map { Double($0.urbanCommunes) })
    cells = regions.indices.flatMap { index in
      let region = regions[index]
      return [
        DesignCell(
          codes: ["region": region.code, "urbain": 1], population: Double(region.ruralCommunes),
          respondents: perRegion[index] - urbanPerRegion[index]),
        DesignCell(
          codes: ["region": region.code, "urbain": 2], population: Double(region.urbanCommunes),
          respondents: urbanPerRegion[index]),
      ]
    }
    q3Yes = try published.required(Self.pipeline, "q3")
    q4 = try (1...4).map { try published.required(Self.pipeline, "q4", category: String($0)) }
    q2VeryImportant = try published.domains(Self.pipeline, "q2_", plausible: Self.plausibleQ2)
    q8Modes = try (1...4).map { try published.required(Self.pipeline, "q8_\($0)") } + [Self.q8Other]
    q8Answered = try published.required(Self.pipeline, "q8", category: "", statistic: "answered_share")
    communesByRegion = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, Double($0.communes)) })
    let urbanCommunes = regions.reduce(0) { $0 + $1.urbanCommunes }
    urbanCommuneShare = Double(urbanCommunes) / Double(regions.reduce(0) { $0 + $1.communes })
  }

  func exportPath(wave: Int) -> String { "institutions/maires-\(wave).csv" }

  var population: (path: String, text: String) {
    let regions = FrenchRegion.all
    var file = PopulationFile()
    file.add("region", regions.map { (String($0.code), $0.communes) })
    file.add(
      "urbain",
      [("1", regions.reduce(0) { $0 + $1.ruralCommunes }), ("2", regions.reduce(0) { $0 + $1.urbanCommunes })])
    file.add(
      "region*urbain",
      regions.flatMap { [("\($0.code)*1", $0.ruralCommunes), ("\($0.code)*2", $0.urbanCommunes)] })
    return ("populations/communes-2016.csv", file.text)
  }

  /// The headings of 2016 (`Région`) were `REGION` in 2015 and `region` in 2017.
  func headings(wave: Int) -> [(column: String, heading: String)] {
    let region = [2015: "REGION", 2016: "Région", 2017: "region"][wave]!
    let named = [
      ("id", "ID_REPONDANT"), ("nom", "NOM"), ("telephone", "TEL"), ("email", "EMAIL"), ("commune", "COMMUNE"),
      ("region", region), ("urbain", "URBAIN"),
    ]
    let answers =
      ["fonction", "taille", "q1_citoyens", "q1_associations", "q1_entreprises"] + (1...16).map(Self.q2)
      + ["q3", "q4", "q5", "q8", "commentaire"]
    return named + answers.map { ($0, $0) }
  }

  static func q2(_ domain: Int) -> String { "q2_" + (domain < 10 ? "0" : "") + String(domain) }

  func respondents(in cell: DesignCell, wave: Int, draw: inout BalancedDraw) -> [[String: String]] {
    let region = cell["region"]
    let urban = cell["urbain"] == 2
    var rows = [[String: String]](
      repeating: ["region": String(region), "urbain": String(cell["urbain"])], count: cell.respondents)
    func set(_ column: String, _ values: [Int?]) {
      for (row, value) in values.enumerated() { rows[row][column] = value.map(String.init) ?? "" }
    }
    func share(_ key: String, _ national: Double) -> Double {
      ModelVariation.share(
        key, national, region: region, weights: communesByRegion, wave: wave, truthWave: Self.truthWave)
    }
    set("fonction", draw.single([(1, Self.mayorShare), (2, 1 - Self.mayorShare)], .none))
    for row in rows.indices {
      let size = urban ? 2000 + draw.random.below(8000) * (1 + draw.random.below(12)) : 60 + draw.random.below(1940)
      rows[row]["taille"] = String(size)
      let comment = draw.random.below(Self.comments.count * 6)
      rows[row]["commentaire"] = comment < Self.comments.count ? Self.comments[comment] : ""
    }
    let actors = ["q1_citoyens", "q1_associations", "q1_entreprises"]
    let q1 = draw.items(zip(actors, Self.q1).map { share($0, $1) }, .blank(0.01))
    for (column, values) in zip(actors, q1) { set(column, values) }
    for domain in 1...16 {
      var veryImportant = share(Self.q2(domain), q2VeryImportant[domain - 1])
      if Self.urbanQ2Domains.contains(domain) { veryImportant += 0.10 * ((urban ? 1 : 0) - urbanCommuneShare) }
      let shares = [veryImportant] + Self.q2Rest.map { $0 * (1 - veryImportant) }
      set(
        Self.q2(domain),
        draw.single(zip(1...4, shares).map { ($0, $1) }, .dontKnow(9, 0.02, blank: 0.005)))
    }
    let yes = share("q3", q3Yes)
    set("q3", draw.single([(1, yes), (2, 1 - yes)], .dontKnow(9, 0.03, blank: 0.005)))
    let q4Shares = ModelVariation.shifted(q4, by: share("q4", q4[0]) - q4[0])
    let q4Answers = draw.single(zip(1...4, q4Shares).map { ($0, $1) }, .dontKnow(9, 0.02, blank: 0))
    set("q4", q4Answers)
    let dynamic = q4Answers.indices.filter { (1...3).contains(q4Answers[$0] ?? 0) }
    set("q5", draw.single(Self.q5, .dontKnow(9, 0.03, blank: 0), among: dynamic))
    let modes = draw.items(
      q8Modes.enumerated().map { share("q8_\($0.offset + 1)", $0.element) }, .dontKnow(99, 1 - q8Answered, blank: 0))
    // A mayor who answered names at least one mode: « autre » when the drawn shares left none.
    for row in rows.indices {
      let chosen = modes.indices.filter { modes[$0][row] == 1 }.map { String($0 + 1) }
      rows[row]["q8"] = modes[0][row] == 99 ? "99" : chosen.isEmpty ? "5" : chosen.joined(separator: "|")
    }
    return rows
  }

  func personalData(_ random: inout SplitMix64) -> [String: String] {
    let person = FakePerson(&random, domain: "mairie-exemple.fr")
    let stem = Self.communeStems[random.below(Self.communeStems.count)]
    let ending = Self.communeEndings[random.below(Self.communeEndings.count)]
    return ["nom": person.name, "telephone": person.phone, "email": person.email, "commune": stem + ending]
  }

  var defects: [DirtyRowKind: [String: String]] {
    [
      .unknownCode: ["q4": "7", "q5": "1"],
      .outOfRange: ["taille": "-120"],
      .missingRequired: ["region": ""],
      .inconsistent: ["q4": "4", "q5": "2"],
      .unparseable: ["q3": "Peut-être"],
    ]
  }

  /// One row of each kind per wave.
  func dirtyRows(_ kind: DirtyRowKind, wave: Int) -> Int { 1 }
}
