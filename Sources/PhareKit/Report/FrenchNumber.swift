/// Numbers as the French report prints them: decimal comma, thousands grouped by a narrow
/// no-break space, a no-break space before « % ».
enum FrenchNumber {
  /// `value` with `decimals` decimals and a decimal comma: `7,10`, `-0,5`.
  static func decimal(_ value: Double, _ decimals: Int) -> String {
    CSVLocale.french.localised(Format.fixed(value, decimals))
  }

  /// A number with up to six significant digits, whole numbers without decimals: `5`, `2,5`.
  static func plain(_ value: Double) -> String {
    CSVLocale.french.localised(Format.number(value))
  }

  /// A share (0–1) as a percentage with one decimal: 0.71466 → `71,5 %`.
  static func percent(_ share: Double, _ decimals: Int = 1) -> String {
    decimal(share * 100, decimals) + "\u{A0}%"
  }

  /// A whole number with its thousands grouped: 35795 → `35 795`.
  static func integer(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { grouped += "\u{202F}" }
      grouped.append(digit)
    }
    return (value < 0 ? "-" : "") + grouped
  }

  /// An estimate as published: a proportion as a percentage (one decimal), a mean with two decimals.
  static func estimate(_ value: Double, _ statistic: Indicator.Statistic) -> String {
    statistic == .proportion ? percent(value) : decimal(value, 2)
  }

  /// A confidence interval, `[66,1 % ; 76,3 %]`.
  static func interval(_ lower: Double, _ upper: Double, _ statistic: Indicator.Statistic) -> String {
    "[\(estimate(lower, statistic)) ;\u{A0}\(estimate(upper, statistic))]"
  }
}
