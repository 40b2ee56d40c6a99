import Foundation

/// A small complete pipeline (spec, codebook, populations, one wave of 36 respondents) that
/// passes every check, and the edits that break it, for the preflight tests.
struct SpecFixture {
  static let spec = """
    survey: essai
    title: Essai
    actor: maires
    inputs:
      folder: waves
      files: "w*.csv"
      wave: {file_name: "w(\\\\d{4})"}
    codebook: codebook.yml
    populations: populations.csv
    clean:
      dont_know: exclude
      derived:
        - {name: q4_oui, net: {of: q4, codes: [1, 2]}}
        - name: age
          recode:
            of: age_annees
            bands:
              - {from: 18, to: 49, code: 1, label: 18-49 ans}
              - {from: 50, to: 120, code: 2, label: 50 ans et plus}
      consistency:
        - {name: filtre, if: {variable: q4, codes: [4]}, then_blank: [q5]}
    weight:
      method: raking
      margins: [region, urbain]
      tolerance: 1e-10
      max_iterations: 100
      missing: quarantine
    estimate:
      variables: [score, q4, q4_oui, q1]
      breakdowns: [region, urbain]
      level: 0.95
      min_base: {flag: 5, suppress: 2}
    headlines:
      - {variable: q4, category: 1}
      - {variable: score}

    """

  static let codebook = """
    variables:
      id: {type: identifier}
      nom: {type: personal}
      region:
        type: single
        values: {1: Nord, 2: Sud, 3: Ouest}
      urbain:
        type: single
        values: {1: Rurale, 2: Urbaine}
      age_annees: {type: numeric, range: [18, 120]}
      poids: {type: numeric, range: [0, 1000]}
      score: {type: scale, range: [0, 10]}
      q4:
        type: single
        values: {1: Oui tout à fait, 2: Oui plutôt, 3: Non plutôt pas, 4: Non pas du tout}
        missing: {9: Ne sait pas}
      q5: {type: single, values: {1: Oui, 2: Non}}
      q1:
        type: multiple
        items: {q1_a: Citoyens, q1_b: Associations}
      commentaire: {type: text}

    """

  static let populations = """
    variable,category,total
    region,1,500
    region,2,300
    region,3,200
    urbain,1,600
    urbain,2,400

    """

  /// 36 respondents: every region × urbain cell, every answer.
  static var wave: String {
    var lines = ["id,nom,region,urbain,age_annees,poids,score,q4,q5,q1_a,q1_b,commentaire"]
    for i in 0..<36 {
      let q4 = 1 + i % 4
      lines.append(
        "\(i + 1),Nom \(i),\(1 + i % 3),\(1 + (i / 3) % 2),\(20 + i * 2),\(10 + i % 5),\(i % 11),\(q4),"
          + "\(q4 == 4 ? "" : String(1 + i % 2)),\(i % 2),\((i / 2) % 2),")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// q4 with four missing codes, one more than SPSS declares one by one: clean.sav declares them
  /// as the range 6 to 9, which holds none of its valid codes (1 to 4).
  static let fourMissingCodes = Edit(
    file: "codebook.yml", old: "missing: {9: Ne sait pas}",
    new: "missing: {6: Refus, 7: Hors champ, 8: Autre, 9: Ne sait pas}")

  /// q4 with four missing codes that no SPSS range and one more value can hold without a valid code.
  static let missingCodesAroundValidOnes = Edit(
    file: "codebook.yml", old: "missing: {9: Ne sait pas}",
    new: "missing: {-1: Refus, 0: Hors champ, 5: Autre, 9: Ne sait pas}")

  /// score (0 to 10, every score answered) with four missing codes among its answers: clean.sav
  /// cannot declare them, which only its data tells.
  static let scoreMissingCodesAmidItsAnswers = Edit(
    file: "codebook.yml", old: "score: {type: scale, range: [0, 10]}",
    new: "score: {type: scale, range: [-1, 99], missing: {-1: Refus, 3: Trois, 7: Sept, 99: Ne sait pas}}")

  /// One file's edit: each `old` text (which must occur) replaced by `new`.
  struct Edit {
    var file: String
    var old: String
    var new: String
  }

  /// Writes the fixture into `folder` with `edits` applied, and `extra` files; returns the spec path.
  @discardableResult
  static func write(into folder: TemporaryFolder, edits: [Edit] = [], extra: [String: String] = [:]) throws -> String {
    var files = [
      "essai.yml": spec, "codebook.yml": codebook, "populations.csv": populations, "waves/w2016.csv": wave,
    ]
    for edit in edits {
      guard let text = files[edit.file], text.contains(edit.old) else {
        throw CocoaError(.fileReadUnknown, userInfo: [NSDebugDescriptionErrorKey: "no '\(edit.old)' in \(edit.file)"])
      }
      files[edit.file] = text.replacingOccurrences(of: edit.old, with: edit.new)
    }
    for (name, text) in files.merging(extra, uniquingKeysWith: { $1 }) { try folder.write(name, text) }
    return folder.path + "/essai.yml"
  }
}
