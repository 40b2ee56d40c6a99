import Foundation
import Logging

/// Brings a matrix's outputs up to date: for each wave its pipelines recorded, the matrix is
/// rebuilt from the registry's indicators when its spec or any of its sources changed since the
/// `manifest.json` of its folder was written (or with `force`), and the folder replaced whole.
struct MatrixUpdate {
  let spec: MatrixSpec
  let out: String
  let registry: RunRegistry
  let force: Bool
  let options: StageOutputs.Options
  /// The wave ids of each pipeline this run loaded, by spec path (a pipeline that failed to load has none).
  let pipelineWaves: [String: [String]]

  /// What a matrix folder was built from: its spec and, per pipeline, the wave's recorded hashes.
  struct Manifest: Codable, Equatable {
    var matrix: String
    var wave: String
    var sources: [String]
  }

  func update(logger: Logger, report: inout RunBatch.Report) throws {
    let domains = try FragilityDomain.load(spec.domains)
    let specSHA256 = try FileDigest.sha256(of: spec.file)
    var waves: Set<String> = []
    for path in spec.pipelines {
      for wave in pipelineWaves[path] ?? [] where try registry.lastProcessed(pipeline: path, wave: wave) != nil {
        waves.insert(wave)
      }
    }
    report.summary.append("\(spec.title) (\(spec.file))")
    for wave in waves.sorted() {
      var sources = ["spec \(specSHA256)", "options \(options.fingerprint)"]
      var indicators: [String: [Indicator]] = [:]
      for path in spec.pipelines {
        guard let record = try registry.lastProcessed(pipeline: path, wave: wave) else { continue }
        sources.append("\(path) \(record.inputSHA256 ?? "") \(record.specSHA256)")
        indicators[path] = try registry.indicators(pipeline: path, wave: wave)
      }
      let manifest = Manifest(matrix: spec.name, wave: wave, sources: sources)
      let folder = "\(out)/\(spec.name)/\(wave)"
      if !force, let data = FileManager.default.contents(atPath: folder + "/manifest.json"),
        (try? JSONDecoder().decode(Manifest.self, from: data)) == manifest
      {
        report.summary.append("  wave \(wave): unchanged")
        continue
      }
      let matrix = TerritorialMatrix(spec: spec, wave: wave, domains: domains, indicators: indicators)
      try AtomicFolder.replace(folder) { temporary in
        try matrix.write(into: temporary, locale: options.csvLocale, generatedAt: options.generatedAt)
        // An incomplete matrix keeps no fingerprint: the next run rebuilds it and reports it again.
        guard matrix.problems.isEmpty else { return }
        try AtomicFile.write(try JSONText.encode(manifest), to: temporary + "/manifest.json")
      }
      let filled = matrix.cells.filter { $0.indicator != nil }.count
      report.summary.append("  wave \(wave): \(filled) of \(matrix.cells.count) cells estimated; wrote \(folder)/")
      logger.info("matrix written", metadata: ["matrix": "\(spec.name)", "wave": "\(wave)", "cells": "\(filled)"])
      for problem in matrix.problems {
        report.errors.append("\(spec.file): wave \(wave): \(problem)")
        if report.exitCode == 0 { report.exitCode = 2 }
      }
    }
  }
}
