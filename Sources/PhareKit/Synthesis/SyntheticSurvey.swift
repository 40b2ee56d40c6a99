/// A citizen-like survey built in memory, already clean, for the estimation benchmark: 13
/// regions, sex × age (10 cells), rural / urban, 16 importance scores 0-10 (~3% unanswered) and
/// 16 priority flags (coded answers as 4-byte codes, scores as doubles, as the clean stage stores them), with population margins to rake it to. The same seed gives the same data.
/// Clustered, respondents are drawn within 1,000 PSUs (communes: each in one region, rural or
/// urban) in 50 strata (`strate`, `psu`), as `clusteredDesign` declares.
public struct SyntheticSurvey: Sendable {
  public let wave: CleanWave
  public let population: PopulationMargins

  static let regionCodes = [11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94]
  static let sexAgeCodes = [11, 12, 13, 14, 15, 21, 22, 23, 24, 25]
  static let variableCount = 16

  /// PSUs and strata of the clustered survey.
  static let psuCount = 1_000
  static let strataCount = 50

  /// The clustered survey's design: PSUs `psu` within strata `strate`, raked on top.
  public static let clusteredDesign = SurveyDesignSpec(strata: ["strate"], clusters: ["psu"])

  /// Raking on region, sex × age and rural / urban, as the citizens' survey is weighted.
  public static let weighting = WeightingSpec(
    method: .raking, margins: [["region"], ["sexage"], ["urbain"]], start: .equal, bounds: nil, tolerance: 1e-7,
    maxIterations: 100, missing: .quarantine, collapse: [])

  /// Means of the 16 scores and shares of the 16 flags, nationally, by region and by rural / urban.
  public static let estimation = EstimationSpec(
    variables: (1...variableCount).map { name("s", $0) } + (1...variableCount).map { name("f", $0) },
    breakdowns: [["region"], ["urbain"]], interval: .logit, level: 0.95, flagBelow: 30, suppressBelow: 10)

  public init(rows: Int, seed: UInt64, clustered: Bool = false) {
    var random = SplitMix64(seed: seed)
    // The sample over-represents the small regions, so the raking has work to do.
    let regionDraw = Self.regionCodes.indices.map { 1.0 + Double($0 % 4) }
    var region = GrowableBuffer<Int32>()
    var sexAge = GrowableBuffer<Int32>()
    var urban = GrowableBuffer<Int32>()
    var stratum = GrowableBuffer<Int32>()
    var psu = GrowableBuffer<Int32>()
    region.reserve(rows)
    sexAge.reserve(rows)
    urban.reserve(rows)
    // Stratum s lies in region s mod 13; PSU p in stratum p mod 50, rural or urban.
    let psuUrban = (0..<Self.psuCount).map { _ in Int32(random.unit() < 0.7 ? 1 : 2) }
    var psuCumulative: [Double] = []
    for unit in 0..<Self.psuCount {
      psuCumulative.append((psuCumulative.last ?? 0) + regionDraw[(unit % Self.strataCount) % Self.regionCodes.count])
    }
    for _ in 0..<rows {
      if clustered {
        let draw = random.unit() * psuCumulative[Self.psuCount - 1]
        var (low, high) = (0, Self.psuCount - 1)
        while low < high {
          let middle = (low + high) / 2
          if psuCumulative[middle] > draw { high = middle } else { low = middle + 1 }
        }
        let unit = low
        let home = unit % Self.strataCount
        psu.append(Int32(unit))
        stratum.append(Int32(home))
        region.append(Int32(Self.regionCodes[home % Self.regionCodes.count]))
        urban.append(psuUrban[unit])
      } else {
        region.append(Int32(Self.regionCodes[Self.pick(regionDraw, &random)]))
      }
      sexAge.append(Int32(Self.sexAgeCodes[random.below(10)]))
      if !clustered { urban.append(random.unit() < 0.7 ? 1 : 2) }
    }
    var columns: [Column] = ([region, sexAge, urban] + (clustered ? [stratum, psu] : [])).map { codes in
      var codes = codes
      let count = codes.count
      return .coded(CodedColumn(codes: ColumnStorage(codes.take()), missing: MissingMask(count: count) { _ in false }))
    }
    var variables = [
      CleanVariable(
        name: "region", label: "Région", kind: .single, values: Self.labels(Self.regionCodes), missingCodes: []),
      CleanVariable(
        name: "sexage", label: "Sexe × âge", kind: .single, values: Self.labels(Self.sexAgeCodes), missingCodes: []),
      CleanVariable(
        name: "urbain", label: "Rural / urbain", kind: .single, values: Self.labels([1, 2]), missingCodes: []),
    ]
    if clustered {
      variables += [
        CleanVariable(
          name: "strate", label: "Strate", kind: .single, values: Self.labels(Array(0..<Self.strataCount)),
          missingCodes: []),
        CleanVariable(name: "psu", label: "Commune", kind: .numeric, values: [], missingCodes: []),
      ]
    }
    guard case .coded(let regionColumn) = columns[0] else { fatalError("region is coded") }
    for variable in 1...Self.variableCount {
      var scores = GrowableBuffer<Double>()
      var blank = MissingMaskBuffer()
      scores.reserve(rows)
      for row in 0..<rows {
        if random.unit() < 0.03 {
          blank.setMissing(row)
          scores.append(.nan)
        } else {
          let lean = Int(regionColumn.codes[row]) % 3
          scores.append(Double(min(10, random.below(9) + lean)))
        }
      }
      columns.append(.numeric(NumericColumn(values: ColumnStorage(scores.take()), missing: blank.finish(count: rows))))
      variables.append(
        CleanVariable(
          name: Self.name("s", variable), label: "Importance \(variable)", kind: .scale, values: [], missingCodes: []))
    }
    for variable in 1...Self.variableCount {
      var flags = GrowableBuffer<Int32>()
      flags.reserve(rows)
      let share = 0.1 + 0.02 * Double(variable)
      for _ in 0..<rows { flags.append(random.unit() < share ? 1 : 0) }
      columns.append(
        .coded(CodedColumn(codes: ColumnStorage(flags.take()), missing: MissingMask(count: rows) { _ in false })))
      variables.append(
        CleanVariable(
          name: Self.name("f", variable), label: "Priorité \(variable)", kind: .single,
          values: [ValueLabel(code: 0, label: "Non"), ValueLabel(code: 1, label: "Oui")], missingCodes: []))
    }
    let table = ColumnarTable(
      schema: Schema(fields: zip(variables, columns).map { Schema.Field(name: $0.name, type: $1.type) }),
      columns: columns,
      rowCount: rows)
    wave = CleanWave(
      wave: "synthetic", file: "synthetic", table: table, variables: variables,
      sourceLines: (0..<rows).map { Int32(truncatingIfNeeded: $0 + 2) }, quarantined: [], rowsRead: rows)
    let adults = 52_000_000.0
    func margin(_ codes: [Int], shares: (Int) -> Double) -> [PopulationMargins.Cell] {
      let total = codes.indices.reduce(0) { $0 + shares($1) }
      return codes.indices.map { PopulationMargins.Cell(codes: [codes[$0]], total: adults * shares($0) / total) }
    }
    population = PopulationMargins(
      file: "synthetic",
      margins: [
        "region": margin(Self.regionCodes) { 1 + Double($0 % 3) },
        "sexage": margin(Self.sexAgeCodes) { 1 + Double($0 % 5) / 10 },
        "urbain": margin([1, 2]) { $0 == 0 ? 0.78 : 0.22 },
      ])
  }

  private static func name(_ prefix: String, _ number: Int) -> String {
    prefix + (number < 10 ? "0" : "") + String(number)
  }

  private static func labels(_ codes: [Int]) -> [ValueLabel] {
    codes.map { ValueLabel(code: $0, label: String($0)) }
  }

  private static func pick(_ weights: [Double], _ random: inout SplitMix64) -> Int {
    var draw = random.unit() * weights.reduce(0, +)
    for (index, weight) in weights.enumerated() {
      draw -= weight
      if draw < 0 { return index }
    }
    return weights.count - 1
  }
}
