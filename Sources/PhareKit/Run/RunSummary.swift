/// The few lines `phare run` prints per survey: per wave, rows read / kept / quarantined and the
/// weighting efficiency; then the spec's headline indicators of the latest estimated wave.
public enum RunSummary {
  public static func lines(_ pipeline: Pipeline, results: [WaveResult], outputs: String) -> [String] {
    var lines = ["\(pipeline.spec.title) (\(pipeline.spec.file))"]
    let latest = results.last { $0.indicators != nil }
    for result in results {
      let wave = result.cleaned?.wave ?? result.file.wave
      var line = "  wave \(wave): "
      if let clean = result.cleaned {
        line += "\(clean.rowsRead) rows read, \(clean.rowsClean) kept, \(clean.rowsQuarantined) quarantined"
      }
      if let weights = result.weighted?.diagnostics {
        line +=
          "; weighting efficiency \(Format.percent(weights.efficiency)) "
          + "(effective n \(Format.fixed(weights.effectiveSampleSize, 1)) of \(weights.respondents))"
      }
      lines.append(line)
      if let problem = result.problem {
        lines.append("    FAILED: \(problem)")
      }
      for headline in pipeline.spec.headlines where result.file == latest?.file {
        guard let indicators = result.indicators else { break }
        guard let indicator = headline.find(in: indicators) else {
          lines.append("    \(headline.variable): no national estimate")
          continue
        }
        lines.append("    " + describe(indicator))
      }
    }
    lines.append("  outputs: \(outputs)/")
    return lines
  }

  /// `Label — category: 86.9% [82.6%, 90.3%], n = 296`, or a mean with two decimals.
  static func describe(_ indicator: Indicator) -> String {
    var text = indicator.variableLabel
    if !indicator.categoryLabel.isEmpty && !indicator.variableLabel.hasSuffix(indicator.categoryLabel) {
      text += " — \(indicator.categoryLabel)"
    }
    if indicator.isSuppressed { return text + ": suppressed (n = \(indicator.respondents))" }
    let value: (Double) -> String =
      indicator.statistic == .proportion ? { Format.percent($0) } : { Format.fixed($0, 2) }
    return text
      + ": \(value(indicator.estimate)) [\(value(indicator.lower)), \(value(indicator.upper))], n = \(indicator.respondents)"
  }
}
