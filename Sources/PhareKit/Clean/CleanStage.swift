/// The clean stage: codebook-driven coding and checks, consistency rules, deduplication and
/// derived variables over one wave's ingested table. Every rejected row is quarantined with
/// the first rule it broke; personal data never reaches the clean table.
public struct CleanStage: Sendable {
  public let codebook: Codebook
  public let settings: PipelineSpec.Clean
  public let waveSource: WaveSource

  public init(codebook: Codebook, settings: PipelineSpec.Clean, waveSource: WaveSource) {
    self.codebook = codebook
    self.settings = settings
    self.waveSource = waveSource
  }

  public init(pipeline: Pipeline) {
    self.init(codebook: pipeline.codebook, settings: pipeline.spec.clean, waveSource: pipeline.spec.inputs.wave)
  }

  /// Cleans one wave with the variables it asks (`Codebook.asked(in:)`: the others, and the
  /// derived variables that read them, are left out and listed in `CleanWave.notAsked`); throws
  /// `SpecProblems` when the export lacks a column of a variable the wave asks, holds two source
  /// columns of one variable, fills in a column of a variable the wave does not ask, or mixes
  /// waves, or (a typed file) labels a code otherwise than the codebook. Read the export with
  /// `Pipeline.exportReader` so that identifiers keep their text. Each of
  /// the export's columns is freed once cleaned when the caller hands `ingest` over (its last use).
  public func run(_ ingest: consuming IngestResult, wave: WaveFile) throws -> CleanWave {
    let waveID = try resolveWave(ingest, default: wave.wave)
    let codebook = self.codebook.asked(in: waveID)
    let notAsked = self.codebook.notAsked(in: waveID, derived: settings.derived)
    let missing =
      PipelineChecks.missingColumns(in: ingest, codebook: codebook)
      + PipelineChecks.contradictingLabels(in: ingest, codebook: codebook)
      + PipelineChecks.answeredButNotAsked(in: ingest, codebook: self.codebook, wave: waveID)
    guard missing.isEmpty else { throw SpecProblems(missing) }

    var ingest = ingest
    let sources = ingest.takeColumns()
    var pass = CleanPass(
      ingest: ingest, columns: sources, variables: codebook.variables, invalidCells: settings.invalidCells)
    pass.clean(codebook.variables)
    for rule in settings.consistency {
      pass.check(rule)
    }
    pass.rejectDuplicateIdentifiers(codebook.identifier?.name)

    let kept = pass.keptRows
    var columns = pass.takeColumns()
    for derived in settings.derived where !notAsked.contains(derived.name) {
      columns.append(DerivedColumnBuilder.build(derived, from: columns, dontKnow: settings.dontKnow))
    }
    let schema = Schema(fields: columns.map { Schema.Field(name: $0.variable.name, type: $0.type) })
    let variables = columns.map(\.variable)
    // Each column of all ingested rows is freed as soon as its kept rows are copied out, the
    // columns on every core at once (each index is one task's alone).
    let tableColumns = columns.withUnsafeMutableBufferPointer { columns in
      nonisolated(unsafe) let columns = columns
      return AtOnce.map(columns.count) { index in
        defer { columns[index].storage = .texts([]) }
        return columns[index].column(keeping: kept)
      }
    }
    let table = ColumnarTable(schema: schema, columns: tableColumns, rowCount: kept.count)
    // The export's columns freed while the clean ones were made, which no later stage reuses.
    ColumnMemory.trim()
    let quarantined = (ingest.quarantined + pass.quarantinedRows).map { row -> QuarantinedRow in
      var row = row
      row.wave = waveID
      return row
    }
    return CleanWave(
      wave: waveID,
      file: ingest.file,
      table: table,
      variables: variables,
      sourceLines: kept.map { ingest.sourceLines[$0] },
      quarantined: quarantined.sorted { $0.line < $1.line },
      cellsSetMissing: pass.cellsSetMissing.map { cell -> QuarantinedRow in
        var cell = cell
        cell.wave = waveID
        return cell
      },
      rowsRead: ingest.rowsRead,
      notAsked: notAsked
    )
  }

  /// The wave id of an export: its file's, or the one value of the wave column.
  func resolveWave(_ ingest: IngestResult, default wave: String) throws -> String {
    guard case .column(let name) = waveSource else { return wave }
    return try Self.waveID(in: ingest, column: name)
  }

  /// The one wave id the column `name` holds in the export's kept rows; throws `SpecProblems` when
  /// the column is missing, holds several ids or one that cannot name a folder.
  static func waveID(in ingest: IngestResult, column name: String) throws -> String {
    guard let column = ingest.table[name] else {
      throw SpecProblems([
        SpecDiagnostic(
          file: ingest.file, line: ingest.headerLine,
          message: "no column '\(name)' for the wave id (header: \(ingest.headerReading))")
      ])
    }
    let values = Set((0..<ingest.rowsKept).compactMap { column.text(at: $0) })
    if values.count == 1, let value = values.first, !WaveFile.isValidID(value) {
      throw SpecProblems([SpecDiagnostic(file: ingest.file, line: nil, message: WaveFile.invalidIDProblem(value))])
    }
    guard values.count == 1, let value = values.first else {
      let found = values.sorted().joined(separator: ", ")
      throw SpecProblems([
        SpecDiagnostic(
          file: ingest.file, line: nil, message: "column '\(name)' should hold one wave id, found: \(found)")
      ])
    }
    return value
  }
}
