/// A weighting cell's answers allocated in balance, not drawn: each answer's count is the cell size ×
/// its truth share by largest remainder, then a seeded shuffle says who gives it (so truth, not luck).
struct BalancedDraw {
  /// Respondents in the cell; answers are returned indexed by respondent, nil when not answered.
  let size: Int
  var random: SplitMix64

  init(size: Int, random: SplitMix64) {
    self.size = size
    self.random = random
  }

  /// One coded answer per respondent of `rows` (all by default), with « Ne sait pas » and blanks.
  mutating func single(_ answers: [(code: Int, share: Double)], _ nonResponse: NonResponse, among rows: [Int]? = nil)
    -> [Int?]
  {
    let rows = rows ?? Array(0..<size)
    let status = statusCounts(rows.count, nonResponse)
    let counts = Apportionment.largestRemainder(status.answered, weights: answers.map(\.share))
    var values: [Int?] = zip(answers, counts).flatMap { answer, count in Array(repeating: answer.code, count: count) }
    values += nonAnswers(status, nonResponse)
    return place(values, at: rows)
  }

  /// A whole score from `range` per respondent, the answered scores averaging `mean` (their sum is
  /// rounded to the nearest whole number): beta-binomial counts rounded, then nudged by one point.
  mutating func scores(mean: Double, range: ClosedRange<Int>, _ nonResponse: NonResponse) -> [Int?] {
    let status = statusCounts(size, nonResponse)
    let width = range.upperBound - range.lowerBound
    let spread = Self.betaBinomial(trials: width, mean: (mean - Double(range.lowerBound)) / Double(width))
    let counts = Apportionment.largestRemainder(status.answered, weights: spread)
    var scores = counts.enumerated().flatMap { Array(repeating: range.lowerBound + $0.offset, count: $0.element) }
    random.shuffle(&scores)
    Self.nudge(&scores, toSum: Int((Double(scores.count) * mean).rounded()), within: range)
    return place(scores.map(Optional.some) + nonAnswers(status, nonResponse), at: Array(0..<size))
  }

  /// Counts of 1 or more (e.g. partnerships) averaging `mean`, geometric in shape, at most `maximum`.
  mutating func counts(mean: Double, maximum: Int, _ nonResponse: NonResponse, among rows: [Int]) -> [Int?] {
    let status = statusCounts(rows.count, nonResponse)
    let ratio = 1 - 1 / mean
    var weight = 1.0
    var shape: [Double] = []
    for _ in 1...maximum {
      shape.append(weight)
      weight *= ratio
    }
    let counts = Apportionment.largestRemainder(status.answered, weights: shape)
    var values = counts.enumerated().flatMap { Array(repeating: 1 + $0.offset, count: $0.element) }
    random.shuffle(&values)
    Self.nudge(&values, toSum: Int((Double(values.count) * mean).rounded()), within: 1...maximum)
    return place(values.map(Optional.some) + nonAnswers(status, nonResponse), at: rows)
  }

  /// A multiple-response question as 0/1 items: item i is chosen by its share of the respondents
  /// who answered (counts rounded together so their total is kept), spread so that every answering
  /// respondent chooses at least one item when the shares add up to 100% or more.
  mutating func items(_ shares: [Double], _ nonResponse: NonResponse, among rows: [Int]? = nil) -> [[Int?]] {
    let rows = rows ?? Array(0..<size)
    let status = statusCounts(rows.count, nonResponse)
    var order = Array(0..<rows.count)
    random.shuffle(&order)
    let answering = order.prefix(status.answered).map { rows[$0] }
    let dontKnow = order.dropFirst(status.answered).prefix(status.dontKnow).map { rows[$0] }
    let picks = Apportionment.roundKeepingTotal(shares.map { Double(status.answered) * $0 })
    var chosen = [Int](repeating: 0, count: size)
    var columns = shares.map { _ in [Int?](repeating: nil, count: size) }
    var itemOrder = Array(shares.indices)
    random.shuffle(&itemOrder)
    for item in itemOrder {
      let keys = answering.map { _ in random.next() }
      let ranked = answering.indices.sorted {
        let (a, b) = (answering[$0], answering[$1])
        return chosen[a] != chosen[b] ? chosen[a] < chosen[b] : keys[$0] < keys[$1]
      }
      for row in answering { columns[item][row] = 0 }
      for index in ranked.prefix(picks[item]) {
        columns[item][answering[index]] = 1
        chosen[answering[index]] += 1
      }
      for row in dontKnow { columns[item][row] = nonResponse.dontKnowCode }
    }
    return columns
  }

  private struct Status {
    var answered: Int
    var dontKnow: Int
    var blank: Int
  }

  private func statusCounts(_ count: Int, _ nonResponse: NonResponse) -> Status {
    let counts = Apportionment.largestRemainder(
      count, weights: [1 - nonResponse.dontKnow - nonResponse.blank, nonResponse.dontKnow, nonResponse.blank])
    return Status(answered: counts[0], dontKnow: counts[1], blank: counts[2])
  }

  private func nonAnswers(_ status: Status, _ nonResponse: NonResponse) -> [Int?] {
    Array(repeating: nonResponse.dontKnowCode, count: status.dontKnow) + Array(repeating: nil, count: status.blank)
  }

  /// The values shuffled onto the rows; every other respondent of the cell gets nil.
  private mutating func place(_ values: [Int?], at rows: [Int]) -> [Int?] {
    var values = values
    random.shuffle(&values)
    var result = [Int?](repeating: nil, count: size)
    for (row, value) in zip(rows, values) {
      result[row] = value
    }
    return result
  }

  /// Moves values by one, in turn, until they add up to `target` (reachable within `range`).
  private static func nudge(_ values: inout [Int], toSum target: Int, within range: ClosedRange<Int>) {
    guard !values.isEmpty else { return }
    var sum = values.reduce(0, +)
    var index = 0
    while sum != target {
      let step = sum < target ? 1 : -1
      if range.contains(values[index] + step) {
        values[index] += step
        sum += step
      }
      index = (index + 1) % values.count
    }
  }

  /// The beta-binomial distribution on 0...trials with the given mean share and precision 4
  /// (overdispersed like opinion scores), from products only so that it is the same on every platform.
  private static func betaBinomial(trials: Int, mean share: Double) -> [Double] {
    let precision = 4.0
    let alpha = share * precision
    let beta = (1 - share) * precision
    return (0...trials).map { k in
      var weight = 1.0
      for i in 0..<k { weight *= (alpha + Double(i)) * Double(trials - i) / Double(i + 1) }
      for j in 0..<(trials - k) { weight *= beta + Double(j) }
      return weight
    }
  }
}
