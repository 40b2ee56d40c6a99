/// Shares written as French reports and logs show them: one decimal, a percent sign.
enum Percent {
  static func format(_ share: Double) -> String {
    let tenths = (share * 1000).rounded()
    return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
  }
}
