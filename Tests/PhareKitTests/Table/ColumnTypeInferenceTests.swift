import Testing

@testable import PhareKit

/// How a column's values read does not depend on the order of its rows.
@Suite struct ColumnTypeInferenceTests {
  /// The `montant` column of a file separated by `separator` holding `values` in this order,
  /// each row's number or nil.
  private func montant(_ values: [String], separator: String = ";") throws -> (numeric: Bool, numbers: [Double?]) {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rows = values.enumerated().map { "R\($0.offset)\(separator)\($0.element)" }
    let text = (["id\(separator)montant"] + rows).joined(separator: "\n")
    let result = try CSVReader().read(try folder.write("export.csv", text + "\n"))
    let column = try #require(result.table["montant"])
    guard case .numeric = column else { return (false, []) }
    return (true, values.indices.map { column.number(at: $0) })
  }

  private func orders(_ values: [String]) -> [[String]] {
    guard values.count > 1 else { return [values] }
    return values.indices.flatMap { index in
      orders(Array(values[..<index] + values[(index + 1)...])).map { [values[index]] + $0 }
    }
  }

  /// In a tab-separated file (decimal point), a decimal dot settles `1,234` as 1234, whichever
  /// row comes first; in a `;` file (decimal comma) it settles nothing, in any order.
  @Test func aDecimalDotSettlesACommaInEveryOrder() throws {
    for order in orders(["1,234", "2.5", "1003"]) {
      #expect(try montant(order).numeric == false, "\(order)")
      let (numeric, numbers) = try montant(order, separator: "\t")
      #expect(numeric, "\(order)")
      #expect(numbers[order.firstIndex(of: "1,234")!] == 1234, "\(order)")
      #expect(numbers[order.firstIndex(of: "2.5")!] == 2.5, "\(order)")
    }
  }

  /// Both marks written as decimal marks settle nothing: `1.234` stays ambiguous, not a number.
  @Test func bothMarksAsDecimalsSettleNothingInEveryOrder() throws {
    for order in orders(["1,5", "2.5", "1.234", "7"]) {
      #expect(try montant(order).numeric == false, "\(order)")
    }
  }
}
