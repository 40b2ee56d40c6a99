/// Building a wave's sample design from the spec's `design:` section, with R's `svydesign` checks.
extension SampleDesign {
  /// The design of `rows` (the weighted rows of `wave`).
  /// - Parameter population: the populations file, for fpc entries `{population: margin}`.
  /// - Throws: `DesignError` naming the line, stratum or cluster at fault: a blank or unusable
  ///   variable, an fpc that is not a size or fraction, varies within a stratum or is below its
  ///   sample size, clusters that cross strata without `nest`, a single PSU, or lonely PSUs under
  ///   `lonely_psu: fail`; `WeightingError` for a design weight that is not positive.
  init(spec: SurveyDesignSpec, wave: CleanWave, rows: WeightedRows, population: PopulationMargins?) throws {
    let strata = try spec.strata.map { try Self.strata($0, wave: wave, rows: rows) }
    var stages: [SamplingStage] = []
    var parent = strata.map { (unitOfRow: $0.stratumOfRow, names: $0.names) }
    for (index, name) in spec.clusters.enumerated() {
      // Stage 1's ids are nested in strata when `nest` says so (else checked); stage 2's always in PSUs.
      let nested = index > 0 || spec.nest
      let units = try ClusterUnits(
        variable: name, wave: wave, rows: rows, within: nested ? parent?.unitOfRow : nil)
      if index == 0, !spec.nest, let strata {
        try units.checkNested(in: strata.stratumOfRow, names: strata.names, variable: name)
      }
      let stratumOfUnit = units.stratumOfUnit(parent?.unitOfRow)
      var sampleSize = [Double](repeating: 0, count: parent?.names.count ?? 1)
      for stratum in stratumOfUnit { sampleSize[Int(stratum)] += 1 }
      stages.append(
        SamplingStage(
          unitOfRow: units.count == rows.count ? nil : units.unitOfRow, unitCount: units.count,
          stratumOfUnit: units.count == rows.count ? nil : stratumOfUnit, stratumOfRow: parent?.unitOfRow,
          stratumNames: parent?.names ?? ["all"], sampleSize: sampleSize,
          populationSize: nil))
      parent = (units.unitOfRow, units.names)
    }
    if spec.clusters.isEmpty {
      var sampleSize = [Double](repeating: 0, count: strata?.names.count ?? 1)
      for index in 0..<rows.count { sampleSize[Int(strata?.stratumOfRow[index] ?? 0)] += 1 }
      stages.append(
        SamplingStage(
          unitOfRow: nil, unitCount: rows.count, stratumOfUnit: nil, stratumOfRow: strata?.stratumOfRow,
          stratumNames: strata?.names ?? ["all"], sampleSize: sampleSize, populationSize: nil))
    }
    if stages[0].unitCount < 2 { throw DesignError.onePrimaryUnit }
    if !spec.fpc.isEmpty {
      stages = try Self.withPopulationSizes(stages, fpc: spec.fpc, wave: wave, rows: rows, population: population)
    }
    if let name = spec.weights {
      weights = Array(try WeightColumn.positive(name, in: wave, rows: rows))
    } else if !spec.fpc.isEmpty {
      // 1 / Π (n / N) over the stages, as R's weights(fpc).
      weights = (0..<rows.count).map { index in
        stages.reduce(1.0) { product, stage in
          let stratum = Int(stage.stratumOfRow?[index] ?? 0)
          return product * stage.populationSize![stratum] / stage.sampleSize[stratum]
        }
      }
    } else {
      weights = nil
    }
    // R's multistage adds the second stage only with a finite population correction.
    self.stages = spec.fpc.isEmpty ? [stages[0]] : stages
    lonelyPSU = spec.lonelyPSU
    if lonelyPSU == .fail {
      for (number, stage) in self.stages.enumerated() {
        let lonely = stage.sampleSize.indices.filter(stage.isLonely)
        if !lonely.isEmpty {
          throw DesignError.lonelyPSU(strata: lonely.map { stage.stratumNames[$0] }, stage: number + 1)
        }
      }
    }
  }

  /// Each row's stratum, numbered in code order, and the strata's names.
  private static func strata(_ variables: [String], wave: CleanWave, rows: WeightedRows) throws -> (
    stratumOfRow: [Int32], names: [String]
  ) {
    let name = variables.joined(separator: "*")
    guard let keys = PackedCodes(variables: variables, wave: wave)?.keys else {
      throw DesignError.unknownVariable(name, role: "strata")
    }
    var present = Set<Int>()
    for index in 0..<rows.count {
      let key = keys[rows[index]]
      guard key != PackedCodes.missing else {
        throw DesignError.blankValue(variable: name, line: Int(wave.sourceLines[rows[index]]))
      }
      present.insert(key)
    }
    let sorted = present.sorted()
    let number = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
    return (
      (0..<rows.count).map { number[keys[rows[$0]]]! },
      sorted.map { MarginNames.category(PackedCodes.codes($0, count: variables.count), of: variables, in: wave) }
    )
  }

  /// The stages with each stratum's population size from its fpc entry: a column or a margin of
  /// the populations file, sizes or (all of them at most 1) sampling fractions, as R's `as.fpc`.
  private static func withPopulationSizes(
    _ stages: [SamplingStage], fpc: [SurveyDesignSpec.FPC], wave: CleanWave, rows: WeightedRows,
    population: PopulationMargins?
  ) throws -> [SamplingStage] {
    let values = try zip(stages, fpc).map { _, entry in
      try FPCValues(entry, wave: wave, rows: rows, population: population)
    }
    let fractions = values.allSatisfy { $0.values.allSatisfy { $0 <= 1 } }
    // R's as.fpc: all sizes (≥ 1) or all fractions (≤ 1); the first row of each names the mix.
    func first(_ test: (Double) -> Bool) -> (line: Int, stage: Int, value: Double)? {
      for (stage, fpc) in values.enumerated() {
        if let index = fpc.values.firstIndex(where: test) {
          return (Int(wave.sourceLines[rows[index]]), stage + 1, fpc.values[index])
        }
      }
      return nil
    }
    if !fractions, let fraction = first({ $0 < 1 }), let size = first({ $0 > 1 }) {
      throw DesignError.mixedFPC(size: size, fraction: fraction)
    }
    return try zip(stages, values).enumerated().map { number, pair in
      let (stage, fpc) = pair
      var size = [Double?](repeating: nil, count: stage.sampleSize.count)
      for index in 0..<rows.count {
        let stratum = Int(stage.stratumOfRow?[index] ?? 0)
        let value = fpc.values[index]
        if let first = size[stratum] {
          if first != value {
            throw DesignError.fpcVaries(
              stratum: stage.stratumNames[stratum], stage: number + 1, first: first, other: value,
              line: Int(wave.sourceLines[rows[index]]))
          }
        } else {
          size[stratum] = value
        }
      }
      let populationSize = size.indices.map { stratum in
        fractions ? stage.sampleSize[stratum] / size[stratum]! : size[stratum]!
      }
      for stratum in populationSize.indices where populationSize[stratum] < stage.sampleSize[stratum] {
        throw DesignError.fpcBelowSampleSize(
          stratum: stage.stratumNames[stratum], stage: number + 1, population: populationSize[stratum],
          sample: Int(stage.sampleSize[stratum]))
      }
      return SamplingStage(
        unitOfRow: stage.unitOfRow, unitCount: stage.unitCount, stratumOfUnit: stage.stratumOfUnit,
        stratumOfRow: stage.stratumOfRow,
        stratumNames: stage.stratumNames, sampleSize: stage.sampleSize, populationSize: populationSize)
    }
  }
}
