import Foundation

/// Numbers in messages and text reports: whole numbers as integers, others with six significant digits.
public enum Format {
  public static func number(_ value: Double) -> String {
    if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
    return String(format: "%.6g", value)
  }

  /// A number with a fixed count of decimals, for aligned reports.
  public static func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }

  /// A share as French reports and logs show it: one decimal, a percent sign.
  static func percent(_ share: Double) -> String {
    let tenths = Int((share * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }
}
