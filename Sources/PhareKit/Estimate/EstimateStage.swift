/// The aggregation stage: from a weighted wave, every indicator of the spec's variables (those the
/// wave asks: `CleanWave.notAsked` have none) in the
/// national breakdown and each declared level of each breakdown (an empty one where nobody
/// answered), with linearised standard errors that account for the calibration, confidence
/// intervals, design effects and differences.
///
/// One pass over each analysis column fills per-group sums (state / update); domains add up
/// groups (combine); `DomainEstimate` and `LinearisedVariance` finish each indicator (finalize).
public struct EstimateStage: Sendable {
  public let spec: EstimationSpec
  public let dontKnow: DontKnowPolicy
  /// Written on every indicator: who answered.
  public let actor: String
  /// Labels of the domains the variables' `domain:` ids name.
  public let domains: [FragilityDomain]

  public init(
    spec: EstimationSpec, dontKnow: DontKnowPolicy, actor: String = "",
    domains: [FragilityDomain] = []
  ) {
    self.spec = spec
    self.dontKnow = dontKnow
    self.actor = actor
    self.domains = domains
  }

  /// Every indicator of the wave, and the column tests of the spec's cross-tables.
  public func run(_ weighted: WeightedWave) throws -> Estimates {
    let wave = weighted.clean
    let layout = try DomainLayout(spec: spec, weighted: weighted)
    // A variable the wave does not ask has no indicator there, not an empty one.
    let asked = spec.variables.filter { !wave.notAsked.contains($0) }
    let items = try AnalysisItem.items(for: asked, in: wave, dontKnow: dontKnow)
    let banners = tableBanners(asked: asked)
    // One pass over each variable's column, then its indicators: the variables on every core at once.
    let perItem = AtOnce.map(items.count) { index in
      let item = items[index]
      return estimates(
        of: item, moments: item.accumulate(weighted, groups: layout.groups), in: layout, banners: banners)
    }
    return Estimates(indicators: perItem.flatMap(\.indicators), comparisons: perItem.flatMap(\.comparisons))
  }

  /// One item's indicators in every domain (and its column tests), from its per-group sums.
  private func estimates(
    of item: AnalysisItem, moments: [[Moments]], in layout: DomainLayout, banners: [String: [String]]
  ) -> Estimates {
    let design = layout.design
    var indicators: [Indicator] = []
    var comparisons: [ColumnComparison] = []
    let kinds: [DomainEstimate.Kind] = spec.totals.contains(item.variable.origin) ? [.mean, .total] : [.mean]
    for (category, categoryMoments) in zip(item.categories, moments) {
      for kind in kinds {
        let national = layout.domains[0]
        let nationalEstimate = DomainEstimate(
          kind, moments: categoryMoments, shift: item.shift, member: national.member, design: design)
        var estimates: [DomainEstimate?] = []
        for domain in layout.domains {
          let answered = domain.member.indices.contains { domain.member[$0] && categoryMoments[$0].count > 0 }
          let estimate =
            answered
            ? DomainEstimate(kind, moments: categoryMoments, shift: item.shift, member: domain.member, design: design)
            : nil
          estimates.append(estimate)
          var indicator =
            estimate.map { finish($0, item: item, category: category, design: design) }
            ?? empty(kind, item: item, category: category)
          indicator.breakdown = domain.breakdown
          indicator.breakdownValue = domain.value
          indicator.breakdownLabel = domain.label
          if let estimate, domain.breakdown != "national" && kind == .mean {
            let rest = DomainEstimate(
              kind, moments: categoryMoments, shift: item.shift, member: domain.member.map { !$0 }, design: design)
            compare(&indicator, estimate, national: nationalEstimate, rest: rest, design: design)
          }
          indicators.append(indicator)
        }
        if kind == .mean, let breakdowns = banners[item.variable.origin] {
          for breakdown in breakdowns {
            comparisons += compareColumns(
              of: breakdown, in: layout, estimates: estimates, item: item, category: category)
          }
        }
      }
    }
    return Estimates(indicators: indicators, comparisons: comparisons)
  }

  /// The breakdowns whose columns are tested against each other, by table variable (a variable,
  /// a multiple-response set, a net): those of the tables that show it.
  private func tableBanners(asked: [String]) -> [String: [String]] {
    var banners: [String: [String]] = [:]
    for table in spec.tables {
      for variable in table.variables + table.nets where asked.contains(variable) {
        for column in table.columns where !(banners[variable] ?? []).contains(column) {
          banners[variable, default: []].append(column)
        }
      }
    }
    return banners
  }

  /// Every pair of levels of `breakdown` for one row: difference, SE from the covariance of the
  /// two domains, z, p; pairs where either level has fewer respondents than `min_base.flag` (or
  /// none) are not tested, and the others' p-values are adjusted together.
  private func compareColumns(
    of breakdown: String, in layout: DomainLayout, estimates: [DomainEstimate?], item: AnalysisItem,
    category: ValueLabel?
  ) -> [ColumnComparison] {
    let levels = layout.domains.indices.filter { layout.domains[$0].breakdown == breakdown }
    let tested = levels.compactMap { index -> (Int, DomainEstimate)? in
      guard let estimate = estimates[index], estimate.respondents >= Double(max(spec.flagBelow, 1)) else { return nil }
      return (index, estimate)
    }
    let design = layout.design
    // Each level's variance once, for every pair it is in.
    let variances = tested.map { LinearisedVariance.covariance($0.1, $0.1, design: design) }
    var comparisons: [ColumnComparison] = []
    for (position, (firstIndex, first)) in tested.enumerated() {
      for (offset, (secondIndex, second)) in tested[(position + 1)...].enumerated() {
        let variance =
          variances[position] + variances[position + 1 + offset]
          - 2 * LinearisedVariance.covariance(first, second, design: design)
        let difference = first.estimate - second.estimate
        let se = max(variance, 0).squareRoot()
        let z = difference / se
        comparisons.append(
          ColumnComparison(
            variable: item.name, category: category.map { String($0.code) } ?? "",
            statistic: category == nil ? .mean : .proportion, breakdown: breakdown,
            first: layout.domains[firstIndex].value, second: layout.domains[secondIndex].value,
            difference: difference, standardError: se, z: z, pValue: TailProbability.twoSidedNormal(z),
            adjustedPValue: .nan, isSignificant: false))
      }
    }
    // As R's p.adjust, a p-value that is not a number is left out of the family.
    let family = comparisons.indices.filter { !comparisons[$0].pValue.isNaN }
    let adjusted = spec.correction.adjust(family.map { comparisons[$0].pValue })
    for (index, p) in zip(family, adjusted) {
      comparisons[index].adjustedPValue = p
      comparisons[index].isSignificant = p < 1 - spec.level
    }
    return comparisons
  }

  private func finish(_ mean: DomainEstimate, item: AnalysisItem, category: ValueLabel?, design: VarianceDesign)
    -> Indicator
  {
    let variance = LinearisedVariance.variance(mean, design: design)
    let se = variance.squareRoot()
    let estimate = mean.estimate
    let n = mean.respondents
    let df = Double(mean.primaryUnitsInDomain - mean.strataInDomain)
    let interval: ConfidenceInterval
    let method: String
    // Weights of 0 or less (linear calibration) can put a proportion outside [0, 1], where no
    // proportion interval exists: the Wald interval, as R's svyciprop(method = "mean"), and the
    // cell suppressed with the flag `outside-0-1`.
    let outside = category != nil && mean.kind != .total && !(0...1).contains(estimate)
    if category == nil || mean.kind == .total || outside {
      interval = .mean(estimate: estimate, standardError: se, level: spec.level)
      method = "normal"
    } else {
      interval = .proportion(
        estimate, variance: variance, method: spec.interval, level: spec.level, degreesOfFreedom: df,
        designRows: design.isCalibrated ? Double(design.rowCount) : n, respondents: n)
      method = interval.degenerate ? "clopper-pearson" : spec.interval.rawValue
    }
    let srs = LinearisedVariance.simpleRandomSamplingVariance(mean)
    var flags: [String] = []
    if n < Double(spec.flagBelow) { flags.append("low-base") }
    if n < Double(spec.suppressBelow) { flags.append("suppressed") }
    if interval.degenerate { flags.append("degenerate-interval") }
    /// Not published, for `reason`.
    func withhold(_ reason: String) {
      if !flags.contains("suppressed") { flags.append("suppressed") }
      flags.append(reason)
    }
    // A mean within one PSU per stratum (R's df 0): its linearised variance is 0 and estimates
    // nothing, unless calibration or a lonely PSU's adjustment gives it one (a proportion's
    // interval then takes the normal quantile).
    let noDegreesOfFreedom = df < 1 && mean.kind == .mean
    if noDegreesOfFreedom && variance == 0 {
      withhold("no-df")
    } else if noDegreesOfFreedom {
      flags.append("no-df")
    } else if variance == 0 && !interval.degenerate {
      // A share the design fixes (a stratum's with fpc, a calibrated category's): known exactly.
      flags.append("zero-variance")
    }
    // Lonely-PSU averaging with no stratum of two PSUs in the domain's design: R's variance is NaN too.
    if variance.isNaN { withhold("no-variance") }
    if outside { withhold("outside-0-1") }
    // The simple random sample with the same variance of the mean: s²_w over that variance.
    let meanVariance = mean.kind == .total ? variance / (mean.weightedTotal * mean.weightedTotal) : variance
    // Weights of 0 or less can make the spread negative: no effective n then.
    let effective =
      meanVariance > 0
      ? LinearisedVariance.weightedSpread(mean).map { $0 / meanVariance }.flatMap { $0 > 0 ? $0 : nil } : nil
    var indicator = empty(mean.kind, item: item, category: category)
    indicator.estimate = estimate
    indicator.standardError = se
    indicator.lower = interval.lower
    indicator.upper = interval.upper
    indicator.intervalMethod = method
    indicator.designEffect = srs.flatMap { $0 > 0 ? variance / $0 : nil }
    indicator.respondents = Int(n)
    indicator.weightedTotal = mean.weightedTotal
    indicator.effectiveRespondents = effective
    indicator.coefficientOfVariation = estimate != 0 ? se / abs(estimate) : nil
    indicator.degreesOfFreedom = df
    indicator.flags = flags
    return indicator
  }

  /// A level where nobody answered the variable (or that has no respondent at all): base 0, no
  /// estimate (NaN), flagged `suppressed` and `empty` so that every declared level is published.
  /// `finish` fills in the statistics of the others.
  private func empty(_ kind: DomainEstimate.Kind, item: AnalysisItem, category: ValueLabel?) -> Indicator {
    let domain = item.variable.domain ?? ""
    return Indicator(
      actor: actor, domain: domain, domainLabel: domains.first { $0.id == domain }?.label ?? "",
      breakdown: "", breakdownValue: "", breakdownLabel: "",
      variable: item.name, variableLabel: item.label,
      category: category.map { String($0.code) } ?? "", categoryLabel: category?.label ?? "",
      statistic: kind == .total ? .total : (category == nil ? .mean : .proportion),
      estimate: .nan, standardError: .nan, lower: .nan, upper: .nan, intervalMethod: "",
      designEffect: nil, respondents: 0, weightedTotal: 0, effectiveRespondents: nil, coefficientOfVariation: nil,
      degreesOfFreedom: 0, flags: (0 < spec.flagBelow ? ["low-base"] : []) + ["suppressed", "empty"])
  }

  /// Differences against the nation and the rest of the nation, and the significance flags.
  private func compare(
    _ indicator: inout Indicator, _ mean: DomainEstimate, national: DomainEstimate, rest: DomainEstimate,
    design: VarianceDesign
  ) {
    let own = LinearisedVariance.covariance(mean, mean, design: design)
    func difference(_ other: DomainEstimate) -> (Double, Double)? {
      guard other.respondents > 0 else { return nil }
      let variance =
        own + LinearisedVariance.covariance(other, other, design: design)
        - 2 * LinearisedVariance.covariance(mean, other, design: design)
      return (mean.estimate - other.estimate, max(variance, 0).squareRoot())
    }
    if let (value, se) = difference(national) {
      indicator.differenceFromNational = value
      indicator.differenceFromNationalSE = se
      let z = Quantile.normal(1 - (1 - spec.level) / 2)
      if se > 0 && abs(value) / se > z && !indicator.isSuppressed {
        indicator.flags.append(value > 0 ? "above-national" : "below-national")
      }
    }
    if let (value, se) = difference(rest) {
      indicator.differenceFromRest = value
      indicator.differenceFromRestSE = se
    }
  }
}
