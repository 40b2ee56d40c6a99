/// The user-missing values an SPSS variable declares for a variable's missing codes: up to three
/// discrete values, or, for more codes, one range and at most one discrete value, the range
/// covering every code in it and no valid value (SPSS's limit, `MISSING VALUES x (96 THRU 99, 9)`).
struct SPSSMissingValues: Equatable {
  /// The codes declared one by one.
  var discrete: [Double]
  /// The codes declared as one range, if more than three.
  var range: ClosedRange<Double>?

  /// The declaration of `codes`, or nil when none exists: more than three codes, and no range
  /// over all of them, or all but the lowest or the highest, is free of valid values
  /// (`coversValidValue` says whether a range holds one).
  init?(codes: [Double], coversValidValue: (ClosedRange<Double>) -> Bool) {
    let sorted = Array(Set(codes)).sorted()
    guard sorted.count > 3 else {
      self.init(discrete: sorted, range: nil)
      return
    }
    let runs = [(sorted.indices, [Double]()), (1..<sorted.count, [sorted[0]]), (0..<sorted.count - 1, [sorted.last!])]
    for (run, outside) in runs {
      let range = sorted[run.lowerBound]...sorted[run.upperBound - 1]
      if !coversValidValue(range) {
        self.init(discrete: outside, range: range)
        return
      }
    }
    return nil
  }

  init(discrete: [Double], range: ClosedRange<Double>?) {
    self.discrete = discrete
    self.range = range
  }
}
