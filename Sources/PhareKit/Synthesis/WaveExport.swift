/// One wave's export: the design's respondents shuffled, dirty rows planted at seeded places (a
/// duplicate after its original); identifiers and personal data follow the final order.
struct WaveExport {
  let model: any SurveyModel
  let wave: Int
  let seed: UInt64

  /// A row of the export before its identifier and personal data are known.
  private struct Row {
    var values: [String: String]
    var serial: Int
    var duplicateOf: Int?
    var truncated = false
  }

  /// The export's text, header first, in the survey's dialect.
  var text: String {
    var random = SplitMix64(seed: seed ^ StableHash.of("\(model.pipeline) \(wave)"))
    var clean: [Row] = []
    for cell in model.cells {
      var draw = BalancedDraw(size: cell.respondents, random: SplitMix64(seed: random.next()))
      for values in model.respondents(in: cell, wave: wave, draw: &draw) {
        clean.append(Row(values: values, serial: clean.count))
      }
    }
    random.shuffle(&clean)
    var rows = clean
    var serial = clean.count
    for kind in DirtyRowKind.allCases {
      for _ in 0..<model.dirtyRows(kind, wave: wave) {
        let position = 1 + random.below(rows.count)
        var row = Row(values: clean[random.below(clean.count)].values, serial: serial)
        serial += 1
        row.values.merge(model.defects[kind] ?? [:]) { $1 }
        row.truncated = kind == .fieldCount
        if kind == .duplicateID {
          var original = random.below(position)
          while rows[original].serial >= clean.count { original -= 1 }
          row.duplicateOf = rows[original].serial
        }
        rows.insert(row, at: position)
      }
    }
    return render(rows, random: &random)
  }

  /// Identifiers and personal data in file order, then the lines in the survey's dialect.
  private func render(_ rows: [Row], random: inout SplitMix64) -> String {
    let dialect = model.dialect
    let headings = model.headings(wave: wave)
    var output = (dialect.byteOrderMark ? "\u{FEFF}" : "") + dialect.line(headings.map(\.heading))
    var people: [Int: [String: String]] = [:]
    var number = model.identifiers.first
    for row in rows {
      let person: [String: String]
      if let original = row.duplicateOf {
        person = people[original]!
      } else {
        person = model.personalData(&random).merging(["id": model.identifiers.prefix + String(number)]) { $1 }
        number += 1
      }
      people[row.serial] = person
      let values = row.values.merging(person) { $1 }
      let fields = headings.map { values[$0.column] ?? "" }
      output += dialect.line(row.truncated ? Array(fields.dropLast()) : fields)
    }
    return output
  }
}
