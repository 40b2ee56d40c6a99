import Foundation

/// A checked pipeline: its spec, its codebook and the wave files found for it.
public struct Pipeline: Sendable {
  public let spec: PipelineSpec
  public let codebook: Codebook
  /// The fragility domains of the spec's domains file (empty without one).
  public let domains: [FragilityDomain]
  public let waves: [WaveFile]

  /// Loads and cross-checks the spec, its codebook, its populations file and its inputs' names
  /// for running `stage` (`.estimate`, as `phare run` and `phare validate` do, also requires the
  /// weight and estimate sections); throws every problem found as `SpecProblems`.
  public static func load(_ path: String, through stage: PipelineStage = .clean) throws -> Pipeline {
    var diagnostics: [SpecDiagnostic] = []
    let spec = PipelineSpec.load(file: path, diagnostics: &diagnostics)
    let codebook = spec.flatMap { Codebook.load(file: $0.codebook, diagnostics: &diagnostics) }
    var waves: [WaveFile] = []
    var domains: [FragilityDomain] = []
    if let spec {
      var domainsLoaded = true
      if let file = spec.domains {
        domainsLoaded = false
        do {
          domains = try FragilityDomain.load(file)
          domainsLoaded = true
        } catch let problems as SpecProblems {
          diagnostics += problems.diagnostics
        } catch let error as IngestError {
          diagnostics.append(SpecDiagnostic(file: file, line: nil, message: error.problem))
        } catch {
          diagnostics.append(SpecDiagnostic(file: file, line: nil, message: String(describing: error)))
        }
      }
      // A section that is written but broken is reported as such, not as missing.
      // Weights come from a calibration (`weight:`) or a sample design (`design:`).
      for (section, needed) in [
        ("weight (or design)", stage != .clean && spec.lines["weight"] == nil && spec.lines["design"] == nil),
        ("estimate", stage == .estimate && spec.lines["estimate"] == nil),
      ]
      where needed {
        diagnostics.append(
          SpecDiagnostic(
            file: spec.file, line: 1,
            message:
              "the pipeline has no \(section) section, which \(stage == .estimate ? "phare run" : "phare weight") needs"
          ))
      }
      waves = PipelineChecks.waveFiles(of: spec, diagnostics: &diagnostics)
      PipelineChecks.checkTables(of: spec, diagnostics: &diagnostics)
      if let codebook {
        var variables = SpecVariables(codebook: codebook, derived: spec.clean.derived)
        PipelineChecks.checkRules(of: spec, variables: &variables, diagnostics: &diagnostics)
        // A domains file that does not load is reported once, not once per variable naming a domain.
        if domainsLoaded {
          PipelineChecks.checkDomains(of: codebook, spec: spec, domains: domains, diagnostics: &diagnostics)
        }
        PipelineChecks.checkDesign(of: spec, variables: variables, diagnostics: &diagnostics)
        PipelineChecks.checkWeighting(of: spec, variables: variables, diagnostics: &diagnostics)
        PipelineChecks.checkEstimation(of: spec, variables: variables, diagnostics: &diagnostics)
        PipelineChecks.checkPopulations(of: spec, variables: variables, diagnostics: &diagnostics)
        PipelineChecks.checkMicrodata(of: spec, codebook: codebook, diagnostics: &diagnostics)
        // Wave ids read from a column are known only once each export is read (`PipelineRunner`).
        if case .fileName = spec.inputs.wave {
          diagnostics += PipelineChecks.checkAsked(spec: spec, codebook: codebook, waves: waves.map(\.wave))
        }
      }
    }
    guard diagnostics.isEmpty, let spec, let codebook else { throw SpecProblems(inFileOrder(diagnostics, spec: path)) }
    return Pipeline(spec: spec, codebook: codebook, domains: domains, waves: waves)
  }

  /// Problems grouped by file (the spec's first, then in the order files were first reported),
  /// each file's by line.
  private static func inFileOrder(_ diagnostics: [SpecDiagnostic], spec: String) -> [SpecDiagnostic] {
    var files = [spec]
    for diagnostic in diagnostics where !files.contains(diagnostic.file) { files.append(diagnostic.file) }
    // One mistake seen twice (a variable in two breakdowns of one line) is one problem.
    var seen: Set<String> = []
    let diagnostics = diagnostics.filter { seen.insert($0.description).inserted }
    return diagnostics.enumerated().sorted { a, b in
      let (fileA, fileB) = (files.firstIndex(of: a.element.file)!, files.firstIndex(of: b.element.file)!)
      if fileA != fileB { return fileA < fileB }
      let (lineA, lineB) = (a.element.line ?? 0, b.element.line ?? 0)
      return lineA != lineB ? lineA < lineB : a.offset < b.offset
    }.map(\.element)
  }

  /// Reads every wave file and reports those that cannot be read, lack a column of a variable
  /// the wave asks or fill in one of a variable it does not ask, and with a wave column, those
  /// whose column does not hold one wave id, or the same as another's.
  public func checkInputs() -> [SpecDiagnostic] {
    let reader = exportReader
    var exports: [String: [String]] = [:]
    let problems = waves.flatMap { wave -> [SpecDiagnostic] in
      do {
        let ingest = try reader.read(wave.path)
        var id = wave.wave
        var waveProblems: [SpecDiagnostic] = []
        if case .column(let name) = spec.inputs.wave {
          if ingest.table[name] == nil {
            waveProblems.append(
              SpecDiagnostic(
                file: wave.path, line: ingest.headerLine,
                message: "no column '\(name)' for the wave id (inputs.wave.column; header: \(ingest.headerReading))"))
          } else {
            do {
              id = try CleanStage.waveID(in: ingest, column: name)
              exports[id, default: []].append(wave.path)
            } catch let error as SpecProblems {
              waveProblems += error.diagnostics
            }
          }
        }
        return PipelineChecks.missingColumns(in: ingest, codebook: codebook.asked(in: id))
          + PipelineChecks.contradictingLabels(in: ingest, codebook: codebook.asked(in: id))
          + PipelineChecks.answeredButNotAsked(in: ingest, codebook: codebook, wave: id) + waveProblems
      } catch let error as IngestError {
        return [SpecDiagnostic(file: wave.path, line: nil, message: error.problem)]
      } catch {
        return [SpecDiagnostic(file: wave.path, line: nil, message: String(describing: error))]
      }
    }
    return problems
      + exports.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.map { wave, files in
        SpecDiagnostic(
          file: files[0], line: nil,
          message: "wave \(wave) comes from several exports: \(files.joined(separator: ", ")) (inputs.wave.column)")
      }
  }
}
