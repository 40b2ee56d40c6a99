import Foundation

/// Cross-checks between a spec, its codebook and its input folder.
enum PipelineChecks {
  /// The wave files in the input folder, sorted by name, with their wave ids from the file name.
  static func waveFiles(of spec: PipelineSpec, diagnostics: inout [SpecDiagnostic]) -> [WaveFile] {
    let inputs = spec.inputs
    func report(_ path: String, _ message: String) {
      diagnostics.append(SpecDiagnostic(file: spec.file, line: spec.lines[path], message: message))
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: inputs.folder, isDirectory: &isFolder), isFolder.boolValue,
      let names = try? FileManager.default.contentsOfDirectory(atPath: inputs.folder)
    else {
      report("inputs.folder", "input folder \(inputs.folder) does not exist or cannot be read")
      return []
    }
    let matching = names.filter { fnmatch(inputs.files, $0, 0) == 0 }.sorted()
    if matching.isEmpty {
      report(
        spec.lines["inputs.files"] == nil ? "inputs.folder" : "inputs.files",
        "no file matches '\(inputs.files)' in \(inputs.folder)")
    }
    var waves: [WaveFile] = []
    for name in matching {
      let path = inputs.folder + "/" + name
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        report(
          spec.lines["inputs.files"] == nil ? "inputs.folder" : "inputs.files", "\(name) is a folder, not a wave file")
        continue
      }
      switch inputs.wave {
      case .fileName(let pattern):
        guard let regex = try? Regex(pattern), let match = name.firstMatch(of: regex) else {
          report("inputs.wave", "wave file \(name) does not match the wave pattern \(pattern)")
          continue
        }
        let wave = match.output.count > 1 ? match.output[1].substring.map(String.init) : nil
        let id = wave ?? String(match.output[0].substring ?? "")
        guard WaveFile.isValidID(id) else {
          report("inputs.wave", "wave file \(name): " + WaveFile.invalidIDProblem(id))
          continue
        }
        waves.append(WaveFile(wave: id, path: path))
      case .column:
        let id = (name as NSString).deletingPathExtension
        guard WaveFile.isValidID(id) else {
          report("inputs.files", "wave file \(name): " + WaveFile.invalidIDProblem(id))
          continue
        }
        waves.append(WaveFile(wave: id, path: path))
      }
    }
    let duplicates = Dictionary(grouping: waves, by: \.wave).filter { $0.value.count > 1 }
    for (wave, files) in duplicates.sorted(by: { $0.key < $1.key }) {
      let list = files.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
      report("inputs.wave", "wave \(wave) comes from several files: \(list)")
    }
    return waves
  }

  /// The nets of a table are derived nets, whose « 1 » share is the row they add (names not
  /// estimated at all are reported where the spec is read).
  static func checkTables(of spec: PipelineSpec, diagnostics: inout [SpecDiagnostic]) {
    var netSources: [String: String] = [:]
    for derived in spec.clean.derived {
      if case .net(let of, _) = derived.rule { netSources[derived.name] = of }
    }
    for table in spec.estimate?.tables ?? [] {
      func report(_ message: String) {
        diagnostics.append(
          SpecDiagnostic(file: spec.file, line: table.line, message: "table '\(table.name)': " + message))
      }
      for name in table.nets where spec.estimate?.variables.contains(name) == true {
        guard let source = netSources[name] else {
          report("'\(name)' is not a derived net (clean.derived with net:)")
          continue
        }
        if !table.variables.contains(source) {
          report(
            "'\(name)' is a net of '\(source)', not of "
              + table.variables.map { "'\($0)'" }.joined(separator: ", "))
        }
      }
    }
  }

  /// Every `domain:` of the codebook is an id of the spec's domains file, which must be named when one is used.
  static func checkDomains(
    of codebook: Codebook, spec: PipelineSpec, domains: [FragilityDomain], diagnostics: inout [SpecDiagnostic]
  ) {
    let known = Set(domains.map(\.id))
    for variable in codebook.variables {
      let tagged = [(variable.name, variable.domain)] + variable.items.map { ($0.name, $0.domain) }
      for case (let name, let domain?) in tagged where !known.contains(domain) {
        let message =
          spec.domains == nil
          ? "'\(name)' names domain '\(domain)' but the pipeline has no domains file (domains: in \(spec.file))"
          : "'\(name)' names domain '\(domain)', which is not an id of \(spec.domains!)"
        diagnostics.append(SpecDiagnostic(file: codebook.file, line: variable.line, message: message))
      }
    }
  }

  /// Codebook variables whose source column is absent from an export's header, or present under
  /// two of its names (`REGION` and `region`: which one holds the answers?); each message says how
  /// the header was split (separator, encoding), since a wrong guess hides every column.
  static func missingColumns(in ingest: IngestResult, codebook: Codebook) -> [SpecDiagnostic] {
    let header = ingest.table.schema.fields.map(\.name)
    let columns = Set(header)
    let (file, line, reading) = (ingest.file, ingest.headerLine, ingest.headerReading)
    var diagnostics: [SpecDiagnostic] = []
    for variable in codebook.variables {
      if variable.kind == .multiple && !variable.items.isEmpty {
        for item in variable.items where !columns.contains(item.name) {
          diagnostics.append(
            SpecDiagnostic(
              file: file, line: line,
              message: "column '\(item.name)' of variable '\(variable.name)' is missing (header: \(reading))"))
        }
        continue
      }
      let present = header.filter(variable.sources.contains)
      if present.isEmpty {
        let looked = variable.sources.joined(separator: ", ")
        diagnostics.append(
          SpecDiagnostic(
            file: file, line: line,
            message: "no column for variable '\(variable.name)' (looked for \(looked); header: \(reading))"))
      } else if present.count > 1 {
        let named = present.map { "'\($0)'" }
        let all = named.dropLast().joined(separator: ", ") + " and " + named.last!
        let both = present.count == 2 ? "both" : "all"
        diagnostics.append(
          SpecDiagnostic(
            file: file, line: line,
            message: "columns \(all) are \(both) sources of variable '\(variable.name)': keep one of them in the export"
          ))
      }
    }
    return diagnostics
  }
}

extension PipelineChecks {
  /// Columns the export fills in for variables the codebook says `wave` does not ask: a `waves:`
  /// list with a wrong id (`[2106]`, `[2016.0]`) would otherwise drop a question's answers
  /// without a word. One diagnostic per variable, at the export's header line.
  static func answeredButNotAsked(in ingest: IngestResult, codebook: Codebook, wave: String) -> [SpecDiagnostic] {
    func columns(_ variable: CodebookVariable) -> [String] {
      variable.kind == .multiple && !variable.items.isEmpty ? variable.items.map(\.name) : variable.sources
    }
    // A column another variable reads in this wave (a reworded question) is that one's answers.
    let read = Set(codebook.variables.filter { $0.isAsked(in: wave) }.flatMap(columns))
    return codebook.variables.compactMap { variable -> SpecDiagnostic? in
      guard let waves = variable.waves, !waves.contains(wave) else { return nil }
      let names = columns(variable).filter { !read.contains($0) }
      let answered = names.compactMap { name in
        ingest.table[name].map { (name, answeredCount($0)) }
      }.filter { $0.1 > 0 }
      guard let (column, count) = answered.first else { return nil }
      let at = variable.line.map { " (\(codebook.file):\($0))" } ?? ""
      return SpecDiagnostic(
        file: ingest.file, line: ingest.headerLine,
        message:
          "column '\(column)' holds \(count) answers to '\(variable.name)', which wave \(wave) does not ask by the "
          + "codebook's waves: \(waves)\(at): correct waves: or leave the column empty")
    }
  }

  /// The cells of an ingested column that hold something other than blanks.
  private static func answeredCount(_ column: Column) -> Int {
    switch column {
    case .numeric, .coded:
      return column.count - column.missingCount
    case .categorical(let categorical):
      let blank = categorical.levels.map(AnswerText.isBlank)
      return categorical.codes.reduce(0) { $0 + ($1 != CategoricalColumn.missingCode && !blank[Int($1)] ? 1 : 0) }
    case .text(let text):
      return text.values.reduce(0) { $0 + ($1.map { AnswerText.isBlank($0) ? 0 : 1 } ?? 0) }
    }
  }
}
