/// Largest-remainder (Hamilton) apportionment: whole counts proportional to weights that add up
/// exactly to the total. The generator's controlled rounding of sample sizes and answer counts.
enum Apportionment {
  /// `total` split in proportion to `weights`.
  static func largestRemainder(_ total: Int, weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
    return roundKeepingTotal(weights.map { Double(total) * $0 / sum })
  }

  /// `floor` for every weight, the rest of `total` in proportion to the weights.
  static func withFloor(_ total: Int, floor: Int, weights: [Double]) -> [Int] {
    largestRemainder(total - floor * weights.count, weights: weights).map { $0 + floor }
  }

  /// Each quota rounded down or up so that the counts add up to the quotas' total rounded to the
  /// nearest: the largest remainders are rounded up (ties to the lower index).
  static func roundKeepingTotal(_ quotas: [Double]) -> [Int] {
    var counts = quotas.map { Int($0.rounded(.down)) }
    let extra = Int(quotas.reduce(0, +).rounded()) - counts.reduce(0, +)
    let remainders = quotas.indices.map { quotas[$0] - Double(counts[$0]) }
    let order = remainders.indices.sorted {
      remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1
    }
    for index in order.prefix(extra) {
      counts[index] += 1
    }
    return counts
  }
}
