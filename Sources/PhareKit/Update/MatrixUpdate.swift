import Foundation
import Logging

/// Brings a matrix's outputs up to date: for each wave its pipelines recorded, the matrix is
/// rebuilt from the registry's indicators only when the good wave records it reads (which
/// pipelines delivered the wave, their export and spec SHA-256), its spec or the output options
/// differ from the `manifest.json` of its folder, or a file is missing or damaged (or with
/// `force`); the folder is replaced whole. A wave some pipelines have not delivered yet is written
/// with their cells flagged `actor-wave-missing`, with a warning, and rebuilt when they deliver it.
struct MatrixUpdate {
  let spec: MatrixSpec
  let out: String
  let registry: RunRegistry
  let force: Bool
  let options: StageOutputs.Options
  /// The wave ids of each pipeline this run loaded, by spec path (a pipeline that failed to load has none).
  let pipelineWaves: [String: [String]]
  /// The actor (`actor:`) of each pipeline this run loaded, by spec path, to name those missing.
  let actors: [String: String]
  /// The survey id of each pipeline that passed the checks, by spec path: the registry's key.
  let surveys: [String: String]
  /// Per pipeline (by spec path), the variables a wave does not ask with their domains
  /// (`Pipeline.notAskedDomains(in:)`): their cells are flagged `not-asked`.
  var notAsked: [String: (String) -> [String: String]] = [:]

  func update(logger: Logger, report: inout RunBatch.Report) throws {
    // A pipeline that passed its checks but could not be updated (an output it could not write)
    // has recorded waves all the same: building now would flag them missing. Left as it was.
    let failed = spec.pipelines.filter { surveys[$0] != nil && pipelineWaves[$0] == nil }
    guard failed.isEmpty else {
      report.summary.append(
        "\(spec.title) (\(spec.file)): left as it was, \(failed.joined(separator: ", ")) not updated")
      logger.warning(
        "matrix left as it was: some of its pipelines could not be updated",
        metadata: ["matrix": "\(spec.name)", "pipelines": "\(failed.joined(separator: ","))"])
      return
    }
    let specSHA256 = try FileDigest.sha256(of: spec.file)
    var records: [String: [String: WaveRecord]] = [:]
    for path in spec.pipelines {
      guard let survey = surveys[path] else { continue }
      for wave in pipelineWaves[path] ?? [] {
        guard let record = try registry.lastProcessed(survey: survey, wave: wave) else { continue }
        records[wave, default: [:]][path] = record
      }
    }
    report.summary.append("\(spec.title) (\(spec.file))")
    let matrixFolder = "\(out)/\(spec.name)"
    for orphan in OrphanedWaveFolders.find(in: matrixFolder, waves: Set(records.keys), marker: "matrix.csv") {
      logger.warning(
        "matrix wave kept, but none of its surveys has this wave any more: remove the folder to unpublish it",
        metadata: ["matrix": "\(spec.name)", "wave": "\(orphan)", "folder": "\(matrixFolder)/\(orphan)"])
    }
    var domains: [FragilityDomain]?
    for (wave, delivered) in records.sorted(by: { $0.key < $1.key }) {
      let missing = spec.pipelines.filter { delivered[$0] == nil }.map { actors[$0] ?? $0 }
      let missingNote = missing.isEmpty ? "" : "; no wave \(wave) yet from \(missing.joined(separator: ", "))"
      // By survey id, not spec path: the same pipelines under another spelling are the same sources.
      let sources =
        ["spec \(specSHA256)", "options \(options.fingerprint)"]
        + spec.pipelines.compactMap { path in
          delivered[path].map { "\(surveys[path] ?? path) \($0.inputSHA256 ?? "") \($0.specSHA256)" }
        }
      let folder = "\(out)/\(spec.name)/\(wave)"
      if !force, DerivedManifest.isCurrent(folder + "/manifest.json", sources: sources, folder: folder) {
        report.summary.append("  wave \(wave): unchanged\(missingNote)")
        continue
      }
      let loaded = try domains ?? FragilityDomain.load(spec.domains)
      domains = loaded
      var indicators: [String: [Indicator]] = [:]
      for (path, record) in delivered { indicators[path] = try registry.indicators(survey: record.survey, wave: wave) }
      let matrix = TerritorialMatrix(
        spec: spec, wave: wave, domains: loaded, indicators: indicators,
        notAsked: notAsked.mapValues { $0(wave) })
      try AtomicFolder.replace(folder) { temporary in
        try matrix.write(into: temporary, locale: options.csvLocale, generatedAt: options.generatedAt)
        // A matrix with problems keeps no manifest: the next run rebuilds it and reports them again.
        guard matrix.problems.isEmpty else { return }
        try DerivedManifest.write(
          sources: sources, files: ["matrix.csv", "feed.json"], in: temporary, to: temporary + "/manifest.json")
      }
      let filled = matrix.cells.filter { $0.indicator != nil }.count
      report.summary.append(
        "  wave \(wave): \(filled) of \(matrix.cells.count) cells estimated\(missingNote); wrote \(folder)/")
      logger.info(
        "matrix written", metadata: ["matrix": "\(spec.name)", "wave": "\(wave)", "cells": .stringConvertible(filled)])
      if !missing.isEmpty {
        logger.warning(
          "matrix written without some actors' wave, their cells flagged \(MatrixCell.actorWaveMissingFlag)",
          metadata: ["matrix": "\(spec.name)", "wave": "\(wave)", "missing": "\(missing.joined(separator: ","))"])
      }
      for problem in matrix.problems {
        report.errors.append("\(spec.file): wave \(wave): \(problem)")
        if report.exitCode == 0 { report.exitCode = 2 }
      }
    }
  }
}
