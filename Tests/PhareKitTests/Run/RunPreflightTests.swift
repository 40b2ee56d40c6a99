import Foundation
import Testing

@testable import PhareKit

/// `phare validate` and `phare run` make one check before reading data: each broken spec,
/// codebook or populations file gives exactly its `FILE:LINE: message` lines, and `run` refuses
/// the pipeline with the same lines, processes none of its waves and exits 2.
@Suite struct RunPreflightTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var edits: [(file: String, old: String, new: String)]
    var extra: [String: String] = [:]
    var expected: [String]
    var testDescription: String { name }
  }

  private static let margin =
    "weight.margins needs a coded variable (single choice, or a derived net, recode or crossing)"
  private static let analysis =
    "estimate.variables needs a single choice, multiple response, scale, number or derived variable"
  private static let breakdown =
    "estimate.breakdowns needs a coded variable (single choice, or a derived net, recode or crossing)"
  private static let unknown = "is not a codebook variable, item or derived variable"
  private static let positive =
    "should be a positive number (a category with no population is removed or collapsed into a neighbour)"
  private static let tolerance =
    "weight.tolerance should be from 1e-15 (what doubles can reach) to 0.0001 (looser, weights miss the population; "
    + "relative misfit, default 1e-10)"
  private static let iterations = "weight.max_iterations should be a whole number from 1 to 10000"
  private static let trim =
    "should be a ratio to the mean weight with 0 < lower < 1 < upper, e.g. {lower: 0.3, upper: 3}"

  static let cases: [Case] = [
    // weight:
    Case(
      name: "no margin", edits: [("essai.yml", "margins: [region, urbain]", "margins: []")],
      expected: ["essai.yml:24: weight.margins is empty: weighting needs at least one margin"]),
    Case(
      name: "tolerance 0", edits: [("essai.yml", "tolerance: 1e-10", "tolerance: 0")],
      expected: ["essai.yml:25: \(tolerance)"]),
    Case(
      name: "tolerance 0.5", edits: [("essai.yml", "tolerance: 1e-10", "tolerance: 0.5")],
      expected: ["essai.yml:25: \(tolerance)"]),
    Case(
      name: "negative max_iterations", edits: [("essai.yml", "max_iterations: 100", "max_iterations: -3")],
      expected: ["essai.yml:26: \(iterations)"]),
    Case(
      name: "huge max_iterations", edits: [("essai.yml", "max_iterations: 100", "max_iterations: 100000000")],
      expected: ["essai.yml:26: \(iterations)"]),
    Case(
      name: "bounds not around 1", edits: [("essai.yml", "tolerance: 1e-10", "bounds: [1.2, 3]")],
      expected: [
        "essai.yml:25: weight.bounds should be [lower, upper] with 0 ≤ lower < 1 < upper (bounds on final / starting weight)"
      ]),
    Case(
      name: "trim lower 0", edits: [("essai.yml", "tolerance: 1e-10", "trim: {lower: 0, upper: 3}")],
      expected: ["essai.yml:25: weight.trim.lower \(trim)"]),
    Case(
      name: "trim upper below 1", edits: [("essai.yml", "tolerance: 1e-10", "trim: {lower: 0.3, upper: 0.9}")],
      expected: ["essai.yml:25: weight.trim.upper \(trim)"]),
    Case(
      name: "trim without upper", edits: [("essai.yml", "tolerance: 1e-10", "trim: {lower: 0.3}")],
      expected: ["essai.yml:25: weight.trim is missing the required key 'upper'"]),
    Case(
      name: "personal margin", edits: [("essai.yml", "margins: [region, urbain]", "margins: [region, nom]")],
      expected: ["essai.yml:24: weight.margins: 'nom' is personal data, dropped at the clean stage; \(margin)"]),
    Case(
      name: "numeric margin", edits: [("essai.yml", "margins: [region, urbain]", "margins: [region, age_annees]")],
      expected: ["essai.yml:24: weight.margins: 'age_annees' is numeric; \(margin)"]),
    Case(
      name: "scale margin", edits: [("essai.yml", "margins: [region, urbain]", "margins: [region, score]")],
      expected: ["essai.yml:24: weight.margins: 'score' is a scale; \(margin)"]),
    Case(
      name: "unknown margin", edits: [("essai.yml", "margins: [region, urbain]", "margins: [region, sexe]")],
      expected: ["essai.yml:24: weight.margins: 'sexe' \(unknown)"]),
    Case(
      name: "margin listed twice",
      edits: [("essai.yml", "margins: [region, urbain]", "margins: [region, urbain, region]")],
      expected: ["essai.yml:24: weight.margins: 'region' is listed twice or crosses a variable with itself"]),
    Case(
      name: "margin absent from the populations",
      edits: [("essai.yml", "margins: [region, urbain]", "margins: [region*urbain]")],
      expected: ["essai.yml:24: 'region*urbain' has no totals in the populations file populations.csv"]),
    Case(
      name: "a margin with more categories than a table can hold",
      edits: [
        ("essai.yml", "margins: [region, urbain]", "margins: [region, commune]"),
        (
          "codebook.yml", "  commentaire: {type: text}",
          "  commentaire: {type: text}\n  commune: {type: single, values: {"
            + (1...10_001).map { "\($0): C\($0)" }.joined(separator: ", ") + "}}"
        ),
      ],
      expected: ["essai.yml:24: weight.margins: 'commune' crosses into more than 10000 categories"]),
    Case(
      name: "a breakdown with more levels than a table can hold",
      edits: [
        ("essai.yml", "breakdowns: [region, urbain]", "breakdowns: [region, commune]"),
        (
          "codebook.yml", "  commentaire: {type: text}",
          "  commentaire: {type: text}\n  commune: {type: single, values: {"
            + (1...10_001).map { "\($0): C\($0)" }.joined(separator: ", ") + "}}"
        ),
      ],
      expected: ["essai.yml:30: estimate.breakdowns: 'commune' crosses into more than 10000 levels"]),
    Case(
      name: "unknown start column", edits: [("essai.yml", "missing: quarantine", "start: {column: absent}")],
      expected: ["essai.yml:27: weight.start: 'absent' \(unknown)"]),
    Case(
      name: "coded start column", edits: [("essai.yml", "missing: quarantine", "start: {column: region}")],
      expected: ["essai.yml:27: weight.start: 'region' is coded; weight.start needs a numeric or scale variable"]),
    Case(
      name: "collapse on another margin",
      edits: [("essai.yml", "missing: quarantine", "collapse: [{margin: sexe, category: 1, into: 2}]")],
      expected: ["essai.yml:27: collapse rule: 'sexe' is not one of weight.margins"]),
    Case(
      name: "collapse of an unknown code",
      edits: [("essai.yml", "missing: quarantine", "collapse: [{margin: region, category: 7, into: 1}]")],
      expected: ["essai.yml:27: collapse rule: 7 is not a value of 'region'"]),
    Case(
      name: "collapse into a category without a total",
      edits: [
        ("essai.yml", "missing: quarantine", "collapse: [{margin: urbain, category: 2, into: 1}]"),
        ("populations.csv", "urbain,1,600\n", ""), ("populations.csv", "urbain,2,400", "urbain,2,1000"),
      ],
      expected: [
        "essai.yml:24: 'urbain': 1 codebook category has no total in populations.csv (1); add it or collapse (weight.collapse)",
        "essai.yml:27: collapse rule: category 1 of urbain has no total in populations.csv to merge into",
      ]),
    Case(
      name: "no populations file", edits: [("essai.yml", "populations: populations.csv", "# none")],
      expected: ["essai.yml:22: weighting needs a populations file (populations: at the top of the spec)"]),
    Case(
      name: "populations file absent", edits: [("essai.yml", "populations: populations.csv", "populations: none.csv")],
      expected: ["essai.yml:9: populations file none.csv does not exist"]),
    // estimate:
    Case(
      name: "estimate variable twice", edits: [("essai.yml", "[score, q4, q4_oui, q1]", "[score, q4, score]")],
      expected: ["essai.yml:29: estimate.variables: 'score' is listed twice"]),
    Case(
      name: "personal estimate variable", edits: [("essai.yml", "[score, q4, q4_oui, q1]", "[score, q4, nom]")],
      expected: ["essai.yml:29: estimate.variables: 'nom' is personal data, dropped at the clean stage; \(analysis)"]),
    Case(
      name: "identifier estimated", edits: [("essai.yml", "[score, q4, q4_oui, q1]", "[score, q4, id]")],
      expected: ["essai.yml:29: estimate.variables: 'id' is the respondent identifier; \(analysis)"]),
    Case(
      name: "text estimated", edits: [("essai.yml", "[score, q4, q4_oui, q1]", "[score, q4, commentaire]")],
      expected: ["essai.yml:29: estimate.variables: 'commentaire' is free text; \(analysis)"]),
    Case(
      name: "unknown estimate variable", edits: [("essai.yml", "[score, q4, q4_oui, q1]", "[score, q4, q9]")],
      expected: ["essai.yml:29: estimate.variables: 'q9' \(unknown)"]),
    Case(
      name: "numeric breakdown", edits: [("essai.yml", "breakdowns: [region, urbain]", "breakdowns: [region, poids]")],
      expected: ["essai.yml:30: estimate.breakdowns: 'poids' is numeric; \(breakdown)"]),
    Case(
      name: "unknown crossing in a breakdown",
      edits: [("essai.yml", "breakdowns: [region, urbain]", "breakdowns: [region*sexe]")],
      expected: ["essai.yml:30: estimate.breakdowns: 'sexe' \(unknown)"]),
    Case(
      name: "breakdown twice", edits: [("essai.yml", "breakdowns: [region, urbain]", "breakdowns: [urbain, urbain]")],
      expected: ["essai.yml:30: estimate.breakdowns: 'urbain' is listed twice or crosses a variable with itself"]),
    // design:
    Case(
      name: "unknown design strata", edits: [("essai.yml", "estimate:\n", "design: {strata: absent}\nestimate:\n")],
      expected: ["essai.yml:28: design.strata: 'absent' \(unknown)"]),
    Case(
      name: "design strata and fpc margin without totals",
      edits: [
        ("essai.yml", "estimate:\n", "design: {strata: region*urbain, fpc: [{population: region*urbain}]}\nestimate:\n")
      ],
      expected: [
        "essai.yml:28: design: 'region' may be blank; strata are codebook variables with required: true",
        "essai.yml:28: design: 'urbain' may be blank; strata are codebook variables with required: true",
        "essai.yml:28: 'region*urbain' has no totals in the populations file populations.csv",
      ]),
    Case(
      name: "an fpc per stage",
      edits: [("essai.yml", "estimate:\n", "design: {clusters: [id], fpc: [poids, poids]}\nestimate:\n")],
      expected: [
        "essai.yml:28: design.fpc gives 2 stage(s) but the design has 1 (one per design.clusters entry, one for a "
          + "design without clusters): give one fpc per stage, or none",
        "essai.yml:28: design: 'poids' may be blank; fpc columns are codebook variables with required: true",
      ]),
    Case(
      name: "three stages of clusters",
      edits: [("essai.yml", "estimate:\n", "design: {clusters: [id, id, id]}\nestimate:\n")],
      expected: [
        "essai.yml:28: design.clusters lists 3 stages; phare handles one or two ([psu] or [psu, ssu])",
        "essai.yml:28: design.clusters: 'id' is listed twice",
      ]),
    Case(
      name: "strata of two stages",
      edits: [("essai.yml", "estimate:\n", "design: {strata: [region, urbain]}\nestimate:\n")],
      expected: [
        "essai.yml:28: design.strata is stage 1's strata: one variable or a crossing written a*b (stage 2 is "
          + "stratified by PSU, as R)"
      ]),
    Case(
      name: "strata with a missing code",
      edits: [("essai.yml", "estimate:\n", "design: {strata: q4}\nestimate:\n")],
      expected: [
        "essai.yml:28: design: 'q4' may be blank; strata are codebook variables with required: true",
        "essai.yml:28: design: 'q4' declares the missing code 9 « Ne sait pas »; strata are known for every respondent",
      ]),
    Case(
      name: "fpc margin of another variable",
      edits: [("essai.yml", "estimate:\n", "design: {clusters: [id], fpc: [{population: region}]}\nestimate:\n")],
      expected: [
        "essai.yml:28: design.fpc: {population: region} sizes the strata of stage 1, but the design has no "
          + "design.strata: give the stage's fpc as a column"
      ]),
    Case(
      name: "unknown lonely-PSU option",
      edits: [("essai.yml", "estimate:\n", "design: {clusters: id, lonely_psu: drop}\nestimate:\n")],
      expected: [
        "essai.yml:28: design.lonely_psu should be one of: fail, adjust, average, remove, certainty (found 'drop')"
      ]),
    Case(
      name: "starting weights beside a design",
      edits: [
        ("essai.yml", "estimate:\n", "design: {clusters: id}\nestimate:\n"),
        ("essai.yml", "missing: quarantine", "missing: quarantine\n  start: {column: poids}"),
      ],
      expected: [
        "essai.yml:28: weight.start: with a design: section the calibration starts from the design's weights "
          + "(design.weights)"
      ]),
    Case(
      name: "tolerance below rounding", edits: [("essai.yml", "tolerance: 1e-10", "tolerance: 1e-16")],
      expected: ["essai.yml:25: \(tolerance)"]),
    Case(
      name: "a table net of another variable",
      edits: [
        (
          "essai.yml", "  min_base: {flag: 5, suppress: 2}\n",
          "  min_base: {flag: 5, suppress: 2}\n  tables: [{name: t, variable: score, nets: [q4_oui]}]\n"
        )
      ],
      expected: ["essai.yml:33: table 't': 'q4_oui' is a net of 'q4', not of 'score'"]),
    Case(
      name: "a derived name holding '*'", edits: [("essai.yml", "q4_oui", "q4*oui")],
      expected: ["essai.yml:13: derived variable 'q4*oui': a name cannot hold '*', which crosses variables"]),
    Case(
      name: "a folder among the wave files", edits: [], extra: ["waves/w2017.csv/x": ""],
      expected: ["essai.yml:6: w2017.csv is a folder, not a wave file"]),
    Case(
      name: "negative min_base", edits: [("essai.yml", "{flag: 5, suppress: 2}", "{flag: 5, suppress: -2}")],
      expected: ["essai.yml:32: estimate.min_base.suppress should be a number of respondents, 0 or more"]),
    Case(
      name: "level above 1", edits: [("essai.yml", "level: 0.95", "level: 95")],
      expected: ["essai.yml:31: estimate.level should be a confidence level above 0 and below 1, such as 0.95"]),
    // headlines, derived variables, consistency rules
    Case(
      name: "headline category that does not exist",
      edits: [("essai.yml", "{variable: q4, category: 1}", "{variable: q4, category: 7}")],
      expected: ["essai.yml:34: headline 'q4': category 7 is not a code of 'q4'"]),
    Case(
      name: "headline not estimated",
      edits: [("essai.yml", "{variable: q4, category: 1}", "{variable: q5, category: 1}")],
      expected: ["essai.yml:34: headline 'q5' is not among estimate.variables"]),
    Case(
      name: "headline on a set", edits: [("essai.yml", "{variable: score}", "{variable: q1}")],
      expected: ["essai.yml:35: headline 'q1' is a multiple-response set: name one of its items"]),
    // report.map, checked as a headline is
    Case(
      name: "map of a variable not estimated",
      edits: [("essai.yml", "headlines:", "report: {map: {variable: q5, category: 1}}\nheadlines:")],
      expected: ["essai.yml:33: report.map 'q5' is not among estimate.variables"]),
    Case(
      name: "map of a category that does not exist",
      edits: [("essai.yml", "headlines:", "report:\n  map: {variable: q4, category: 7}\nheadlines:")],
      expected: ["essai.yml:34: report.map 'q4': category 7 is not a code of 'q4'"]),
    Case(
      name: "map without the region breakdown",
      edits: [
        ("essai.yml", "breakdowns: [region, urbain]", "breakdowns: [urbain]"),
        ("essai.yml", "headlines:", "report: {map: {variable: score}}\nheadlines:"),
      ],
      expected: ["essai.yml:33: report.map needs 'region' among estimate.breakdowns"]),
    Case(
      name: "unknown key in report",
      edits: [("essai.yml", "headlines:", "report: {carte: {variable: score}}\nheadlines:")],
      expected: ["essai.yml:33: unknown key 'carte' in report"]),
    Case(
      name: "net with no codes", edits: [("essai.yml", "codes: [1, 2]", "codes: []")],
      expected: ["essai.yml:13: derived variable 'q4_oui': a net needs at least one code"]),
    Case(
      name: "net of text", edits: [("essai.yml", "net: {of: q4,", "net: {of: commentaire,")],
      expected: [
        "essai.yml:13: derived variable 'q4_oui': 'commentaire' is free text; derived variable 'q4_oui' needs a single choice or a scale"
      ]),
    Case(
      name: "reversed band", edits: [("essai.yml", "{from: 18, to: 49,", "{from: 49, to: 18,")],
      expected: ["essai.yml:18: derived variable 'age': band 49–18 is reversed"]),
    Case(
      name: "overlapping bands", edits: [("essai.yml", "{from: 50, to: 120,", "{from: 40, to: 120,")],
      expected: ["essai.yml:19: derived variable 'age': band 40–120 overlaps band 18–49"]),
    Case(
      name: "recode of a coded variable", edits: [("essai.yml", "of: age_annees", "of: q4")],
      expected: [
        "essai.yml:14: derived variable 'age': 'q4' is coded; derived variable 'age' needs a numeric or scale variable"
      ]),
    Case(
      name: "derived name taken by the codebook", edits: [("essai.yml", "- name: age\n", "- name: q5\n")],
      expected: ["essai.yml:14: derived variable 'q5' is already defined in the codebook"]),
    Case(
      name: "consistency code the variable lacks", edits: [("essai.yml", "codes: [4]", "codes: [7]")],
      expected: ["essai.yml:21: consistency rule 'filtre': code 7 is not a code of 'q4'"]),
    Case(
      name: "consistency on an unknown follow-up", edits: [("essai.yml", "then_blank: [q5]", "then_blank: [q6]")],
      expected: ["essai.yml:21: consistency rule 'filtre': 'q6' \(unknown)"]),
    Case(
      name: "consistency blanking an item", edits: [("essai.yml", "then_blank: [q5]", "then_blank: [q1_a]")],
      expected: [
        "essai.yml:21: consistency rule 'filtre': 'q1_a' is an item of a multiple-response set; consistency rule 'filtre' needs a codebook variable kept by the clean stage (a set by its name, not an item)"
      ]),
    Case(
      name: "consistency blanking what it tests", edits: [("essai.yml", "then_blank: [q5]", "then_blank: [q5, q4]")],
      expected: ["essai.yml:21: consistency rule 'filtre' blanks 'q4', the variable it tests"]),
    Case(
      name: "consistency on a derived variable",
      edits: [("essai.yml", "if: {variable: q4, codes: [4]}", "if: {variable: q4_oui, codes: [1]}")],
      expected: [
        "essai.yml:21: consistency rule 'filtre': 'q4_oui' is a derived variable not computed yet here (consistency rules see the codebook's variables; a derived variable those defined before it)"
      ]),
    Case(
      name: "a set and its item", edits: [("essai.yml", "[score, q4, q4_oui, q1]", "[score, q4, q4_oui, q1, q1_a]")],
      expected: [
        "essai.yml:29: estimate.variables: 'q1_a' is an item of 'q1', listed too (its indicators would be written twice)"
      ]),
    Case(
      name: "a category code too large to pack",
      edits: [
        ("codebook.yml", "{1: Rurale, 2: Urbaine}", "{1: Rurale, 2097153: Urbaine}"),
        ("populations.csv", "urbain,2,400", "urbain,2097153,400"),
      ],
      expected: [
        "essai.yml:24: weight.margins: 'urbain' has code 2097153; the categories of weight.margins are coded 0 to 2097151",
        "essai.yml:30: estimate.breakdowns: 'urbain' has code 2097153; the categories of estimate.breakdowns are coded 0 to 2097151",
      ]),
    Case(
      name: "a code beyond 32 bits", edits: [("codebook.yml", "{1: Oui, 2: Non}", "{1: Oui, 3000000000: Non}")],
      expected: [
        "codebook.yml:17: the values of variable 'q5': '3000000000' is not a whole-number code from -2147483648 to 2147483647"
      ]),
    Case(
      name: "collapse rules in a cycle",
      edits: [
        (
          "essai.yml", "missing: quarantine",
          "collapse: [{margin: urbain, category: 2, into: 1}, {margin: urbain, category: 1, into: 2}]"
        )
      ],
      expected: [
        "essai.yml:27: collapse rule: category 2 of urbain has no total in populations.csv to merge into (a rule above merged it away)"
      ]),
    Case(
      name: "a thousands separator in a total", edits: [("populations.csv", "region,1,500", "region,1,\"500,000\"")],
      expected: [
        "populations.csv:2: total '500,000' is ambiguous (a thousands separator or a decimal comma?): write it without a comma"
      ]),
    Case(
      name: "an unused margin of another population",
      edits: [("populations.csv", "urbain,2,400\n", "urbain,2,400\nage,1,400\nage,2,500\n")],
      expected: [
        "populations.csv:7: margin age sums to 900 but margin region sums to 1000; the margins of one population agree within 1e-09 (relative)"
      ]),
    Case(
      name: "an empty spec", edits: [], extra: ["essai.yml": ""],
      expected: ["essai.yml:1: the file is empty"]),
    Case(
      name: "survey named like the registry", edits: [("essai.yml", "survey: essai", "survey: phare.sqlite")],
      expected: [
        "essai.yml:1: survey 'phare.sqlite' names the output folder: use letters, digits, '.', '-' and '_', not starting with '.', not phare.sqlite"
      ]),
    Case(
      name: "an empty wave id", edits: [("essai.yml", "w(\\\\d{4})", "w(\\\\d*)")],
      extra: ["waves/w.csv": SpecFixture.wave],
      expected: [
        "essai.yml:7: wave file w.csv: wave id '' cannot name the wave's output folder: use letters, digits, '.', '-' and '_', not starting with '.', not rejected, trends.csv, feed.json or series-manifest.json"
      ]),
    Case(
      name: "margins left empty", edits: [("essai.yml", "margins: [region, urbain]", "margins:")],
      expected: ["essai.yml:24: weight.margins should be a list of names"]),
    // the survey name and inputs
    Case(
      name: "survey outside the output folder", edits: [("essai.yml", "survey: essai", "survey: ../x")],
      expected: [
        "essai.yml:1: survey '../x' names the output folder: use letters, digits, '.', '-' and '_', not starting with '.', not phare.sqlite"
      ]),
    Case(
      name: "survey named '.'", edits: [("essai.yml", "survey: essai", "survey: .")],
      expected: [
        "essai.yml:1: survey '.' names the output folder: use letters, digits, '.', '-' and '_', not starting with '.', not phare.sqlite"
      ]),
    Case(
      name: "survey as a path", edits: [("essai.yml", "survey: essai", "survey: a/../../x")],
      expected: [
        "essai.yml:1: survey 'a/../../x' names the output folder: use letters, digits, '.', '-' and '_', not starting with '.', not phare.sqlite"
      ]),
    Case(
      name: "no weight section",
      edits: [
        (
          "essai.yml",
          "weight:\n  method: raking\n  margins: [region, urbain]\n  tolerance: 1e-10\n  max_iterations: 100\n  missing: quarantine\n",
          "#\n#\n#\n#\n#\n#\n"
        )
      ],
      expected: ["essai.yml:1: the pipeline has no weight (or design) section, which phare run needs"]),
    Case(
      name: "input folder absent", edits: [("essai.yml", "folder: waves", "folder: nowhere")],
      expected: ["essai.yml:5: input folder nowhere does not exist or cannot be read"]),
    Case(
      name: "no file matches", edits: [("essai.yml", "\"w*.csv\"", "\"x*.csv\"")],
      expected: ["essai.yml:6: no file matches 'x*.csv' in waves"]),
    Case(
      name: "two files for one wave", edits: [], extra: ["waves/w2016-bis.csv": SpecFixture.wave],
      expected: ["essai.yml:7: wave 2016 comes from several files: w2016-bis.csv, w2016.csv"]),
    // the codebook
    Case(
      name: "missing code equal to a value",
      edits: [("codebook.yml", "missing: {9: Ne sait pas}", "missing: {4: Ne sait pas}")],
      expected: ["codebook.yml:16: variable 'q4': code 4 is both a value and a missing code"]),
    Case(
      name: "missing codes clean.sav cannot declare",
      edits: [
        (
          "codebook.yml", "missing: {9: Ne sait pas}",
          "missing: {-1: Refus, 0: Hors champ, 5: Autre, 9: Ne sait pas}"
        )
      ],
      expected: [
        "codebook.yml:13: variable 'q4' has 4 missing codes (-1, 0, 5, 9) that clean.sav cannot declare: SPSS takes at most three user-missing values, or one range and one more, and every range over them covers a valid code; renumber them, or leave sav out of outputs.microdata"
      ]),
    Case(
      name: "a column name SPSS reserves",
      edits: [("codebook.yml", "commentaire: {type: text}", "WITH: {type: text, source: [commentaire]}")],
      expected: [
        "codebook.yml:21: column 'WITH' cannot be a variable of clean.sav: A provided name is a reserved word; rename it"
      ]),
    Case(
      name: "a lower-case SPSS reserved word",
      edits: [("codebook.yml", "commentaire: {type: text}", "with: {type: text, source: [commentaire]}")],
      expected: [
        "codebook.yml:21: column 'with' cannot be a variable of clean.sav: A provided name is a reserved word (SPSS reads with as WITH); rename it"
      ]),
    Case(
      name: "more missing codes than Stata's .a to .z",
      edits: [
        (
          "codebook.yml", "missing: {9: Ne sait pas}",
          "missing: {9: M9, 10: M10, 11: M11, 12: M12, 13: M13, 14: M14, 15: M15, 16: M16, 17: M17, 18: M18, 19: M19, 20: M20, 21: M21, 22: M22, 23: M23, 24: M24, 25: M25, 26: M26, 27: M27, 28: M28, 29: M29, 30: M30, 31: M31, 32: M32, 33: M33, 34: M34, 35: M35}"
        ),
        ("essai.yml", "headlines:", "outputs: {microdata: [csv, dta]}\nheadlines:"),
      ],
      expected: [
        "codebook.yml:13: variable 'q4' has 27 missing codes: clean.dta writes each as a Stata missing value .a to .z, which are 26; merge them, or leave dta out of outputs.microdata"
      ]),
    Case(
      name: "column names SPSS takes for one",
      edits: [
        (
          "essai.yml", "    - {name: q4_oui, net: {of: q4, codes: [1, 2]}}",
          "    - {name: q4_oui, net: {of: q4, codes: [1, 2]}}\n    - {name: Q4_OUI, net: {of: q4, codes: [1]}}"
        )
      ],
      expected: [
        "essai.yml:13: columns 'q4_oui' and 'Q4_OUI' differ only by case, which SPSS takes for one name in clean.sav; rename one"
      ]),
    Case(
      name: "two codes with one label", edits: [("codebook.yml", "{1: Nord, 2: Sud,", "{1: Nord, 2: nord,")],
      expected: ["codebook.yml:6: variable 'region': codes 1 and 2 have the same label 'nord'"]),
    Case(
      name: "two identifiers", edits: [("codebook.yml", "nom: {type: personal}", "nom: {type: identifier}")],
      expected: ["codebook.yml:3: variable 'nom' is a second identifier ('id' is the first)"]),
    // the populations file
    Case(
      name: "negative total", edits: [("populations.csv", "region,2,300", "region,2,-300")],
      expected: ["populations.csv:3: total '-300' \(positive)"]),
    Case(
      name: "NaN total", edits: [("populations.csv", "region,2,300", "region,2,NaN")],
      expected: ["populations.csv:3: total 'NaN' \(positive)"]),
    Case(
      name: "empty total", edits: [("populations.csv", "region,2,300", "region,2,")],
      expected: ["populations.csv:3: total '' \(positive)"]),
    Case(
      name: "zero total", edits: [("populations.csv", "region,2,300", "region,2,0")],
      expected: ["populations.csv:3: total '0' \(positive)"]),
    Case(
      name: "duplicated category", edits: [("populations.csv", "region,2,300", "region,1,300")],
      expected: ["populations.csv:3: region category 1 is listed twice"]),
    Case(
      name: "category that is not a code", edits: [("populations.csv", "region,3,200", "region,4,200")],
      expected: [
        "essai.yml:24: 'region': 1 codebook category has no total in populations.csv (3); add it or collapse (weight.collapse)",
        "populations.csv:4: region category 4: 4 is not a value of 'region'",
      ]),
    Case(
      name: "margins that disagree", edits: [("populations.csv", "urbain,2,400", "urbain,2,500")],
      expected: [
        "populations.csv:5: margin urbain sums to 1100 but margin region sums to 1000; the margins of one population agree within 1e-09 (relative)"
      ]),
    Case(
      name: "binary populations file", edits: [], extra: ["populations.csv": "PK\u{3}\u{4}\u{0}\u{0}\u{1}binary"],
      expected: [
        "populations.csv:1: not a text file (binary content, e.g. a spreadsheet or an archive); export it as CSV"
      ]),
  ]

  /// The diagnostics as text, with the fixture's folder left out.
  private static func text(_ diagnostics: [SpecDiagnostic], in folder: TemporaryFolder) -> [String] {
    diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
  }

  @Test func theFixtureIsValidAndRuns() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try SpecFixture.write(into: folder)
    let preflight = RunPreflight([spec])
    #expect(preflight.problems == [])
    let report = try RunBatch(
      specs: [spec], out: folder.path + "/out", registry: folder.path + "/out/phare.sqlite", command: "test"
    ).run(RunBatch.Settings())
    #expect(report.errors == [] && report.exitCode == 0)
    #expect(FileManager.default.fileExists(atPath: folder.path + "/out/essai/2016/indicators.csv"))
  }

  /// Specs that look unusual but are right: they pass, and run.
  @Test(arguments: [
    [("essai.yml", "tolerance: 1e-10", "bounds: [0, .inf]")],
    // Missing codes SPSS cannot declare, without clean.sav among the outputs.
    [
      ("codebook.yml", "missing: {9: Ne sait pas}", "missing: {-1: Refus, 0: Hors champ, 5: Autre, 9: Ne sait pas}"),
      ("essai.yml", "headlines:", "outputs: {microdata: [csv, dta]}\nheadlines:"),
    ],
    [
      (
        "essai.yml", "{from: 50, to: 120, code: 2, label: 50 ans et plus}",
        "{from: 50, to: 79, code: 2, label: 50 ans et plus}\n          - {from: 80, to: 120, code: 2, label: 50 ans et plus}\n    - {name: age_urbain, cross: [age, urbain]}"
      ),
      ("essai.yml", "breakdowns: [region, urbain]", "breakdowns: [region, urbain, age_urbain]"),
    ],
    [
      ("essai.yml", "margins: [region, urbain]", "margins: [region*urbain]"),
      (
        "populations.csv", "urbain,2,400\n",
        "urbain,2,400\nregion * urbain,1*1,300\nregion * urbain,1*2,200\nregion * urbain,2*1,200\nregion * urbain,2*2,100\nregion * urbain,3*1,100\nregion * urbain,3*2,100\n"
      ),
    ],
  ])
  func unusualButRightSpecsRun(_ edits: [(String, String, String)]) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try SpecFixture.write(
      into: folder, edits: edits.map { SpecFixture.Edit(file: $0.0, old: $0.1, new: $0.2) })
    #expect(Self.text(RunPreflight([spec]).problems, in: folder) == [])
    let report = try RunBatch(
      specs: [spec], out: folder.path + "/out", registry: folder.path + "/out/phare.sqlite", command: "test"
    ).run(RunBatch.Settings())
    #expect(report.errors == [] && report.exitCode == 0)
  }

  @Test(arguments: cases)
  func validateAndRunReportTheSameLines(_ broken: Case) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try SpecFixture.write(
      into: folder, edits: broken.edits.map { SpecFixture.Edit(file: $0.file, old: $0.old, new: $0.new) },
      extra: broken.extra)
    let preflight = RunPreflight([spec])
    #expect(Self.text(preflight.problems, in: folder) == broken.expected)
    #expect(preflight.pipelines.isEmpty)
    let report = try RunBatch(
      specs: [spec], out: folder.path + "/out", registry: folder.path + "/out/phare.sqlite", command: "test"
    ).run(RunBatch.Settings())
    #expect(report.exitCode == 2)
    #expect(report.errors.map { $0.replacingOccurrences(of: folder.path + "/", with: "") } == broken.expected)
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/essai"))
  }
}
