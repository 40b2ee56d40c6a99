/// The few lines `phare run` prints per survey: per wave, rows read / kept / quarantined and the
/// weighting efficiency (or that it was unchanged and skipped); then the spec's headline
/// indicators in the latest wave the registry holds, said to be the last good ones when this run
/// failed that wave.
public enum RunSummary {
  public static func lines(
    _ pipeline: Pipeline, outcomes: [WaveOutcome], latest: (wave: String, indicators: [Indicator])?, outputs: String
  ) -> [String] {
    var lines = ["\(pipeline.spec.title) (\(pipeline.spec.file))"]
    for outcome in outcomes {
      switch outcome {
      case .unchanged(let file):
        lines.append("  wave \(file.wave): unchanged since the last run, skipped")
      case .processed(let result), .failed(let result):
        var line = "  wave \(result.cleaned?.wave ?? result.file.wave): "
        if let clean = result.cleaned, let rows = result.accounting {
          line += "\(rows.read) rows read, \(rows.kept) kept, \(rows.quarantined.count) quarantined"
          if !clean.cellsSetMissing.isEmpty { line += ", \(clean.cellsSetMissing.count) cells set missing" }
        }
        if let weights = result.weighted?.diagnostics {
          line +=
            (weights.trimming.map { "; \($0.atLower + $0.atUpper) weight(s) trimmed" } ?? "")
            + "; weighting efficiency \(Format.percent(weights.efficiency)) "
            + "(effective n \(Format.fixed(weights.effectiveSampleSize, 1)) of \(weights.respondents))"
        }
        if let problem = result.problem, result.accounting == nil {
          // Nothing was read: the wave's line is why.
          lines.append(line + "FAILED, previous outputs kept: \(problem)")
          continue
        }
        lines.append(line)
        if let problem = result.problem { lines.append("    FAILED, previous outputs kept: \(problem)") }
      }
    }
    if let latest {
      let failedNow = outcomes.contains { outcome in
        if case .failed(let result) = outcome { return result.file.wave == latest.wave }
        return false
      }
      if failedNow && !pipeline.spec.headlines.isEmpty {
        lines.append("    headlines of wave \(latest.wave) from its last good run (kept while this one failed):")
      }
      for headline in pipeline.spec.headlines {
        guard let indicator = headline.find(in: latest.indicators) else {
          let why =
            pipeline.notAsked(in: latest.wave).contains(headline.variable) ? "not asked" : "no national estimate"
          lines.append("    \(headline.variable): \(why) in wave \(latest.wave)")
          continue
        }
        lines.append("    \(latest.wave) " + describe(indicator))
      }
    }
    lines.append("  outputs: \(outputs)/")
    return lines
  }

  /// `Label — category: 86.9% [82.6%, 90.3%], n = 296`, or a mean with two decimals.
  static func describe(_ indicator: Indicator) -> String {
    let text = indicator.title
    if indicator.isSuppressed { return text + ": suppressed (n = \(indicator.respondents))" }
    let value: (Double) -> String =
      indicator.statistic == .proportion ? { Format.percent($0) } : { Format.fixed($0, 2) }
    return text
      + ": \(value(indicator.estimate)) [\(value(indicator.lower)), \(value(indicator.upper))], n = \(indicator.respondents)"
  }
}
