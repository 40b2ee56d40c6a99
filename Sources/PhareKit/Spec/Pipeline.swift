import Foundation

/// A checked pipeline: its spec, its codebook and the wave files found for it.
public struct Pipeline: Sendable {
  public let spec: PipelineSpec
  public let codebook: Codebook
  /// The fragility domains of the spec's domains file (empty without one).
  public let domains: [FragilityDomain]
  public let waves: [WaveFile]

  /// Loads and cross-checks the spec, its codebook and its inputs' names; throws every problem found.
  public static func load(_ path: String) throws -> Pipeline {
    var diagnostics: [SpecDiagnostic] = []
    let spec = PipelineSpec.load(file: path, diagnostics: &diagnostics)
    let codebook = spec.flatMap { Codebook.load(file: $0.codebook, diagnostics: &diagnostics) }
    var waves: [WaveFile] = []
    var domains: [FragilityDomain] = []
    if let spec {
      if let file = spec.domains {
        do {
          domains = try FragilityDomain.load(file)
        } catch let problems as SpecProblems {
          diagnostics += problems.diagnostics
        } catch let error as IngestError {
          diagnostics.append(SpecDiagnostic(file: file, line: nil, message: error.problem))
        } catch {
          diagnostics.append(SpecDiagnostic(file: file, line: nil, message: String(describing: error)))
        }
      }
      waves = PipelineChecks.waveFiles(of: spec, diagnostics: &diagnostics)
      PipelineChecks.checkTables(of: spec, diagnostics: &diagnostics)
      if let populations = spec.populations, !FileManager.default.fileExists(atPath: populations) {
        diagnostics.append(
          SpecDiagnostic(file: spec.file, line: nil, message: "populations file \(populations) does not exist"))
      }
      if let codebook {
        PipelineChecks.checkRules(of: spec, against: codebook, diagnostics: &diagnostics)
        PipelineChecks.checkDomains(of: codebook, spec: spec, domains: domains, diagnostics: &diagnostics)
      }
    }
    guard diagnostics.isEmpty, let spec, let codebook else { throw SpecProblems(diagnostics) }
    return Pipeline(spec: spec, codebook: codebook, domains: domains, waves: waves)
  }

  /// Reads every wave file and reports those that cannot be read or lack a codebook column.
  public func checkInputs() -> [SpecDiagnostic] {
    let reader = CSVReader(separator: spec.inputs.separator)
    return waves.flatMap { wave -> [SpecDiagnostic] in
      do {
        let header = try reader.read(wave.path).table.schema.fields.map(\.name)
        return PipelineChecks.missingColumns(in: header, file: wave.path, codebook: codebook)
      } catch let error as IngestError {
        return [SpecDiagnostic(file: wave.path, line: nil, message: error.problem)]
      } catch {
        return [SpecDiagnostic(file: wave.path, line: nil, message: String(describing: error))]
      }
    }
  }
}
