import Foundation
import Testing

@testable import PhareKit

/// A small citizens' wave with empty levels: the respondents of region 84 all leave the score
/// `s01` blank, region 24 (declared in the codebook) has nobody, and nobody falls in the derived
/// age band 3 (65 and over). Post-stratified on rural / urban (600 / 400).
enum EmptyLevelWave {
  static let codebook = """
    variables:
      id: {type: identifier}
      region:
        type: single
        label: Région
        values: {11: Île-de-France, 24: Centre-Val de Loire, 84: Auvergne-Rhône-Alpes}
      urbain: {type: single, label: Commune, values: {1: Rurale, 2: Urbaine}}
      age: {type: numeric, label: Âge}
      s01: {type: scale, label: Importance de l'emploi, range: [0, 10], domain: emploi}
      q: {type: single, label: Pauvreté en hausse, values: {1: Oui, 2: Non}, domain: pauvrete}

    """

  static let spec = """
    survey: citoyens-test
    title: Citoyens (test)
    actor: citoyens
    inputs: {folder: waves, wave: {file_name: "w(\\\\d{4})"}}
    codebook: codebook.yml
    domains: domaines.csv
    populations: population.csv
    clean:
      derived:
        - name: age_classe
          label: Âge
          recode:
            of: age
            bands:
              - {from: 18, to: 34, code: 1, label: 18-34 ans}
              - {from: 35, to: 64, code: 2, label: 35-64 ans}
              - {from: 65, to: 120, code: 3, label: 65 ans et plus}
    weight: {method: post-stratification, margins: [urbain]}
    estimate:
      variables: [s01, q]
      totals: [q]
      breakdowns: [region, region*urbain, age_classe]
      min_base: {flag: 3, suppress: 2}
      tables:
        - {name: q-region, variable: q, columns: [region]}

    """

  static let wave = """
    id,region,urbain,age,s01,q
    c1,11,1,25,7,1
    c2,11,2,40,5,2
    c3,11,1,30,9,1
    c4,11,2,50,6,1
    c5,84,1,45,,2
    c6,84,2,33,,1
    c7,84,1,60,,2

    """

  /// The pipeline, written into `folder`.
  static func pipeline(in folder: TemporaryFolder) throws -> Pipeline {
    try folder.write("codebook.yml", codebook)
    try folder.write("domaines.csv", "code,id,label\n1,emploi,Emploi\n4,pauvrete,Pauvreté\n")
    try folder.write("population.csv", "variable,category,total\nurbain,1,600\nurbain,2,400\n")
    try folder.write("waves/w2025.csv", wave)
    return try Pipeline.load(try folder.write("pipeline.yml", spec))
  }

  /// The wave run through estimation, and its outputs written into `folder/out`.
  static func run(in folder: TemporaryFolder) throws -> (Pipeline, WaveResult) {
    let pipeline = try pipeline(in: folder)
    var results = try PipelineRunner(pipeline: pipeline).run(through: .estimate)
    let result = try #require(results.first)
    try #require(result.indicators != nil, "\(result.problem ?? "")")
    try StageOutputs.write(
      &results, pipeline: pipeline, to: folder.path + "/out", labels: false,
      generatedAt: Date(timeIntervalSince1970: 1_750_000_000))
    return (pipeline, result)
  }

  /// A written output of the wave.
  static func output(_ name: String, in folder: TemporaryFolder) throws -> String {
    try String(contentsOfFile: folder.path + "/out/2025/" + name, encoding: .utf8)
  }
}
