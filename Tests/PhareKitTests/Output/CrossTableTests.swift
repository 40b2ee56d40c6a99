import Testing

@testable import PhareKit

/// Cross-tables from indicators: rows, columns, percentages, letters, suppression markers, bases, legend.
@Suite struct CrossTableTests {
  private static let legend = [
    "\"H / B : significativement supérieur / inférieur à l'ensemble au seuil de 5 % (test z de la différence avec "
      + "l'ensemble, erreur type linéarisée tenant compte du plan de sondage et du redressement ; niveau de confiance 95 %).\"",
    "\"A, B… : significativement supérieur à la colonne de cette lettre du même critère au seuil de 5 % (test z de "
      + "la différence entre les deux colonnes, erreur type linéarisée tenant compte du plan de sondage et du redressement et de la "
      + "covariance des deux colonnes).\"",
    "\"! : moins de 30 répondants, à interpréter avec prudence ; non testé.\"",
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
      intervalMethod: "logit", designEffect: 1, respondents: n, weightedTotal: 35.5 * Double(n),
      effectiveRespondents: nil,
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
    _ indicators: [Indicator], variables: [String], nets: [String] = [], columns: [String], items: [[String]],
    comparisons: [ColumnComparison] = [], level: Double = 0.95, flagBelow: Int = 30, suppressBelow: Int = 10,
    correction: PValueCorrection = .none, title: String? = nil
  ) -> CrossTable {
    let spec = CrossTableSpec(
      name: "t", title: variables == ["q4"] ? "Q4. Dynamique ?" : title, variables: variables, nets: nets,
      columns: columns)
    var estimation = EstimationSpec(
      variables: [], breakdowns: [], interval: .logit, level: level, flagBelow: flagBelow,
      suppressBelow: suppressBelow)
    estimation.correction = correction
    return CrossTable(
      spec, estimates: Estimates(indicators: indicators, comparisons: comparisons), items: items,
      variableLabels: variables.map { _ in "Acteurs jugés importants" },
      breakdownLabels: columns.map { $0 == "urbain" ? "Type de commune" : "Région" }, estimation: estimation)
  }

  /// With no minimum base nothing is suppressed, and the legend does not say « moins de 0 répondants ».
  @Test func noSuppressionLineWithoutAMinimumBase() {
    let table = Self.table(
      Self.q4, variables: ["q4"], columns: ["urbain"], items: [["q4"]], flagBelow: 0, suppressBelow: 0)
    let csv = table.csv(locale: .rfc4180)
    #expect(csv.contains("\"H / B : significativement"))
    #expect(!csv.contains("moins de"))
  }

  @Test func answersThenNetsByBreakdownLevelWithLettersMarkersAndBothBases() {
    let table = Self.table(Self.q4, variables: ["q4"], nets: ["q4_oui"], columns: ["urbain"], items: [["q4"]])
    let expected =
      [
        "Q4. Dynamique ?,,,,,",
        ",,Type de commune,,,",
        ",Ensemble,Rurale,(A),Urbaine,(B)",
        "Oui,40.0,50.0 H,,*,",
        "Non,60.0,50.0 B,,*,",
        "Oui (net),40.0,50.0,,*,",
        "Base (effectifs non pondérés),100,60,,8,",
        "Base (effectifs pondérés),3550,2130,,284,",
        "Pourcentages pondérés en colonne.,,,,,",
      ] + Self.legend.map { $0 + ",,,,," }
    #expect(table.csv(locale: .rfc4180) == expected.map { $0 + "\r\n" }.joined())
  }

  @Test func theFrenchLocaleWritesDecimalCommas() {
    let table = Self.table(Self.q4, variables: ["q4"], nets: ["q4_oui"], columns: ["urbain"], items: [["q4"]])
    let lines = table.csv(locale: .french).components(separatedBy: "\r\n")
    #expect(lines[0] == "\u{FEFF}Q4. Dynamique ?;;;;;")
    #expect(lines[3] == "Oui;40,0;50,0 H;;*;")
    #expect(lines[6] == "Base (effectifs non pondérés);100;60;;8;")
  }

  @Test func aMultipleResponseSetHasOneRowPerItemAndNoColumnGroupWithoutBreakdowns() {
    let indicators = [
      Self.indicator("q1_a", "1", 0.123, n: 50, variableLabel: "Acteurs jugés importants : Les citoyens"),
      Self.indicator("q1_b", "1", 0.0449, n: 49, variableLabel: "Acteurs jugés importants : Les entreprises"),
    ]
    let table = Self.table(indicators, variables: ["q1"], columns: [], items: [["q1_a", "q1_b"]], level: 0.9)
    #expect(
      table.csv(locale: .rfc4180)
        == [
          "Acteurs jugés importants,",
          ",Ensemble",
          "Les citoyens,12.3",
          "Les entreprises,4.5",
          "Base (effectifs non pondérés),50",
          "Base (effectifs pondérés),1775",
          "Pourcentages pondérés en colonne.,",
          "\"H / B : significativement supérieur / inférieur à l'ensemble au seuil de 10 % (test z de la différence "
            + "avec l'ensemble, erreur type linéarisée tenant compte du plan de sondage et du redressement ; niveau de confiance 90 %).\",",
          "\"! : moins de 30 répondants, à interpréter avec prudence ; non testé.\",",
          "\"* : moins de 10 répondants, résultat non publié.\",",
        ].map { $0 + "\r\n" }.joined())
  }

  @Test func aScoreGivesOneRowOfMeansALowBaseCellIsMarkedAndALevelWithoutAnswersStaysBlank() {
    let north = ("region", "32", "Hauts-de-France")
    let west = ("region", "52", "Pays de la Loire")
    let indicators = [
      Self.indicator("s", "", 2.345, n: 40, statistic: .mean),
      Self.indicator("s", "", 2.1, n: 30, in: north, statistic: .mean, flags: ["below-national"]),
      Self.indicator("s_top", "1", 0.5, n: 40, variableLabel: "Important (net)"),
      Self.indicator("s_top", "1", 0.4, n: 30, in: north, variableLabel: "Important (net)"),
      // Significantly above the nation, but on 12 respondents: marked low-base, not H.
      Self.indicator(
        "s_top", "1", 0.7, n: 12, in: west, variableLabel: "Important (net)", flags: ["low-base", "above-national"]),
    ]
    let lines = Self.table(indicators, variables: ["s"], nets: ["s_top"], columns: ["region"], items: [["s"]])
      .csv(locale: .french).components(separatedBy: "\r\n")
    #expect(lines[1] == ";;Région;;;")
    #expect(lines[2] == ";Ensemble;Hauts-de-France;(A);Pays de la Loire;(B)")
    #expect(lines[3] == "Moyenne;2,35;2,10 B;;;")
    #expect(lines[4] == "Important (net);50,0;40,0;;70,0 !;")
    #expect(lines[5] == "Base (effectifs non pondérés);40;30;;0;")
    #expect(lines[7] == "Pourcentages pondérés en colonne et moyennes pondérées.;;;;;")
    #expect(lines.contains("Case vide : aucun répondant à la question dans la colonne.;;;;;"))
  }

  /// Three regions: A is significantly above C, B above C; A and B do not differ. Letters go to
  /// the higher column, whichever of the pair the test lists first.
  @Test func aColumnCarriesTheLettersOfTheColumnsItIsSignificantlyAbove() {
    let regions = [("region", "11", "Île-de-France"), ("region", "24", "Centre"), ("region", "27", "Bourgogne")]
    let indicators =
      [Self.indicator("q", "1", 0.5, n: 300, categoryLabel: "Oui")]
      + zip(regions, [0.6, 0.55, 0.3]).map { Self.indicator("q", "1", $1, n: 100, in: $0, categoryLabel: "Oui") }
    func test(_ first: String, _ second: String, _ difference: Double, significant: Bool) -> ColumnComparison {
      ColumnComparison(
        variable: "q", category: "1", statistic: .proportion, breakdown: "region", first: first, second: second,
        difference: difference, standardError: 0.07, z: difference / 0.07, pValue: 0.01, adjustedPValue: 0.03,
        isSignificant: significant)
    }
    let comparisons = [
      test("11", "24", 0.05, significant: false), test("11", "27", 0.3, significant: true),
      test("27", "24", -0.25, significant: true),
    ]
    let table = Self.table(
      indicators, variables: ["q"], columns: ["region"], items: [["q"]], comparisons: comparisons,
      correction: .holm)
    #expect(
      table.rows[0].cells == [
        .value(0.5, mark: nil, letters: []), .value(0.6, mark: nil, letters: ["C"]),
        .value(0.55, mark: nil, letters: ["C"]), .value(0.3, mark: nil, letters: []),
      ])
    let csv = table.csv(locale: .rfc4180)
    #expect(csv.contains("Oui,50.0,60.0,C,55.0,C,30.0,\r\n"))
    #expect(csv.contains("ajustées par la méthode de Holm pour chaque ligne et chaque critère"))
  }

  /// A grid of two scores: one row per variable, labelled by its fragility domain; its base row
  /// is the smallest of its rows' in each column.
  @Test func aGridHasOneRowPerVariableLabelledByItsDomainWithTheSmallestBases() {
    var first = Self.indicator("i1", "", 6.2, n: 40, statistic: .mean)
    first.domainLabel = "Emploi"
    var second = Self.indicator("i2", "", 5.1, n: 38, statistic: .mean)
    second.domainLabel = "Logement"
    let table = Self.table(
      [first, second], variables: ["i1", "i2"], columns: [], items: [["i1"], ["i2"]], title: "Importance")
    let lines = table.csv(locale: .rfc4180).components(separatedBy: "\r\n")
    #expect(
      Array(lines[0..<6]) == [
        "Importance,", ",Ensemble", "Emploi,6.20", "Logement,5.10",
        "Base minimale des lignes (effectifs non pondérés),38",
        "Base minimale des lignes (effectifs pondérés),1349",
      ])
  }

  /// Two batteries on the same domains: named by domain, two rows would share a name, so every
  /// row takes its variable's own label.
  @Test func aGridWhoseDomainsRepeatNamesItsRowsByTheirLabels() {
    var indicators: [Indicator] = []
    for (variable, label) in [("i1", "Importance : Emploi"), ("p1", "Priorité : Emploi")] {
      var indicator = Self.indicator(variable, "", 6, n: 40, statistic: .mean, variableLabel: label)
      indicator.domainLabel = "Emploi"
      indicators.append(indicator)
    }
    let table = Self.table(indicators, variables: ["i1", "p1"], columns: [], items: [["i1"], ["p1"]], title: "Deux")
    #expect(table.rows.map(\.label) == ["Importance : Emploi", "Priorité : Emploi"])
  }

  @Test func lettersRunPastZAsSpreadsheetColumnsDo() {
    #expect([0, 1, 25, 26, 27, 51, 52].map(CrossTable.letter) == ["A", "B", "Z", "AA", "AB", "AZ", "BA"])
    #expect(CrossTable.joined(["A", "C"]) == "AC")
    #expect(CrossTable.joined(["B", "AA"]) == "B AA")
  }
}
