import Testing

@testable import PhareKit

/// Cross-tables from indicators: rows, columns, percentages, letters, suppression markers, bases, legend.
@Suite struct CrossTableTests {
  private static let legend = [
    "\"H / B : significativement supérieur / inférieur à l'ensemble au seuil de 5 % (test z de la différence avec "
      + "l'ensemble, erreur type linéarisée tenant compte du redressement ; niveau de confiance 95 %).\"",
    "\"* : moins de 10 répondants, résultat non publié.\"",
  ]

  /// An indicator of the national breakdown (`value` nil) or of a level of `breakdown`.
  private static func indicator(
    _ variable: String, _ category: String, _ estimate: Double, n: Int, in level: (String, String, String)? = nil,
    statistic: Indicator.Statistic = .proportion, variableLabel: String = "", categoryLabel: String = "",
    flags: [String] = []
  ) -> Indicator {
    Indicator(
      actor: "maires", domain: "", domainLabel: "", breakdown: level?.0 ?? "national", breakdownValue: level?.1 ?? "",
      breakdownLabel: level?.2 ?? "Ensemble", variable: variable, variableLabel: variableLabel, category: category,
      categoryLabel: categoryLabel, statistic: statistic, estimate: estimate, standardError: 0.01, lower: 0, upper: 1,
      intervalMethod: "logit", designEffect: 1, respondents: n, weightedTotal: Double(n), effectiveRespondents: nil,
      coefficientOfVariation: nil, degreesOfFreedom: Double(n - 1), flags: flags)
  }

  private static let rural = ("urbain", "1", "Rurale")
  private static let urban = ("urbain", "2", "Urbaine")

  /// Q4 (Oui / Non) and its net by rural / urban: the urban column below the suppression base.
  private static let q4: [Indicator] = [
    indicator("q4", "1", 0.4, n: 100, categoryLabel: "Oui"),
    indicator("q4", "1", 0.5, n: 60, in: rural, categoryLabel: "Oui", flags: ["above-national"]),
    indicator("q4", "1", 0.25, n: 8, in: urban, categoryLabel: "Oui", flags: ["low-base", "suppressed"]),
    indicator("q4", "1", 4_000, n: 100, statistic: .total, categoryLabel: "Oui"),
    indicator("q4", "2", 0.6, n: 100, categoryLabel: "Non"),
    indicator("q4", "2", 0.5, n: 60, in: rural, categoryLabel: "Non", flags: ["below-national"]),
    indicator("q4", "2", 0.75, n: 8, in: urban, categoryLabel: "Non", flags: ["low-base", "suppressed"]),
    indicator("q4_oui", "1", 0.4, n: 100, variableLabel: "Oui (net)", categoryLabel: "Oui (net)"),
    indicator("q4_oui", "1", 0.5, n: 60, in: rural, variableLabel: "Oui (net)", categoryLabel: "Oui (net)"),
    indicator("q4_oui", "1", 0.25, n: 8, in: urban, variableLabel: "Oui (net)", flags: ["suppressed"]),
  ]

  private static func table(
    _ indicators: [Indicator], variable: String, nets: [String] = [], columns: [String], items: [String],
    level: Double = 0.95, suppressBelow: Int = 10
  ) -> CrossTable {
    let spec = CrossTableSpec(
      name: "t", title: variable == "q4" ? "Q4. Dynamique ?" : nil, variable: variable, nets: nets, columns: columns)
    return CrossTable(
      spec, indicators: indicators, items: items, variableLabel: "Acteurs jugés importants",
      breakdownLabels: columns.map { $0 == "urbain" ? "Type de commune" : "Région" }, level: level,
      suppressBelow: suppressBelow)
  }

  /// With no minimum base nothing is suppressed, and the legend does not say « moins de 0 répondants ».
  @Test func noSuppressionLineWithoutAMinimumBase() {
    let table = Self.table(Self.q4, variable: "q4", columns: ["urbain"], items: ["q4"], suppressBelow: 0)
    let csv = table.csv(locale: .rfc4180)
    #expect(csv.contains("\"H / B : significativement"))
    #expect(!csv.contains("moins de"))
  }

  @Test func answersThenNetsByBreakdownLevelWithLettersMarkersAndBases() {
    let table = Self.table(Self.q4, variable: "q4", nets: ["q4_oui"], columns: ["urbain"], items: ["q4"])
    let expected =
      [
        "Q4. Dynamique ?,,,",
        ",,Type de commune,",
        ",Ensemble,Rurale,Urbaine",
        "Oui,40.0,50.0 H,*",
        "Non,60.0,50.0 B,*",
        "Oui (net),40.0,50.0,*",
        "Base (effectifs non pondérés),100,60,8",
        "Pourcentages pondérés en colonne.,,,",
      ] + Self.legend.map { $0 + ",,," }
    #expect(table.csv(locale: .rfc4180) == expected.map { $0 + "\r\n" }.joined())
  }

  @Test func theFrenchLocaleWritesDecimalCommas() {
    let table = Self.table(Self.q4, variable: "q4", nets: ["q4_oui"], columns: ["urbain"], items: ["q4"])
    let lines = table.csv(locale: .french).components(separatedBy: "\r\n")
    #expect(lines[0] == "\u{FEFF}Q4. Dynamique ?;;;")
    #expect(lines[3] == "Oui;40,0;50,0 H;*")
    #expect(lines[6] == "Base (effectifs non pondérés);100;60;8")
  }

  @Test func aMultipleResponseSetHasOneRowPerItemAndNoColumnGroupWithoutBreakdowns() {
    let indicators = [
      Self.indicator("q1_a", "1", 0.123, n: 50, variableLabel: "Acteurs jugés importants : Les citoyens"),
      Self.indicator("q1_b", "1", 0.0449, n: 49, variableLabel: "Acteurs jugés importants : Les entreprises"),
    ]
    let table = Self.table(indicators, variable: "q1", columns: [], items: ["q1_a", "q1_b"], level: 0.9)
    #expect(
      table.csv(locale: .rfc4180)
        == [
          "Acteurs jugés importants,",
          ",Ensemble",
          "Les citoyens,12.3",
          "Les entreprises,4.5",
          "Base (effectifs non pondérés),50",
          "Pourcentages pondérés en colonne.,",
          "\"H / B : significativement supérieur / inférieur à l'ensemble au seuil de 10 % (test z de la différence "
            + "avec l'ensemble, erreur type linéarisée tenant compte du redressement ; niveau de confiance 90 %).\",",
          "\"* : moins de 10 répondants, résultat non publié.\",",
        ].map { $0 + "\r\n" }.joined())
  }

  @Test func aScoreGivesOneRowOfMeansAndALevelWithoutAnswersStaysBlank() {
    let north = ("region", "32", "Hauts-de-France")
    let west = ("region", "52", "Pays de la Loire")
    let indicators = [
      Self.indicator("s", "", 2.345, n: 40, statistic: .mean),
      Self.indicator("s", "", 2.1, n: 30, in: north, statistic: .mean, flags: ["below-national"]),
      Self.indicator("s_top", "1", 0.5, n: 40, variableLabel: "Important (net)"),
      Self.indicator("s_top", "1", 0.4, n: 30, in: north, variableLabel: "Important (net)"),
      Self.indicator("s_top", "1", 0.7, n: 12, in: west, variableLabel: "Important (net)"),
    ]
    let lines = Self.table(indicators, variable: "s", nets: ["s_top"], columns: ["region"], items: ["s"])
      .csv(locale: .french).components(separatedBy: "\r\n")
    #expect(lines[1] == ";;Région;")
    #expect(lines[2] == ";Ensemble;Hauts-de-France;Pays de la Loire")
    #expect(lines[3] == "Moyenne;2,35;2,10 B;")
    #expect(lines[4] == "Important (net);50,0;40,0;70,0")
    #expect(lines[5] == "Base (effectifs non pondérés);40;30;0")
    #expect(lines[6] == "Pourcentages pondérés en colonne et moyennes pondérées.;;;")
  }
}
