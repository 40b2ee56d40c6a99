import Testing

@testable import PhareKit

@Suite struct NumberParserTests {
  private func parse(_ text: String, decimalComma: Bool = false) -> Double? {
    Array(text.utf8).withUnsafeBytes { NumberParser.parse($0, decimalComma: decimalComma) }
  }

  @Test func plainNumbers() {
    #expect(parse("0") == 0)
    #expect(parse("7") == 7)
    #expect(parse("-12") == -12)
    #expect(parse("7.5") == 7.5)
    #expect(parse("0.1") == 0.1)
    #expect(parse("123456789012345") == 123_456_789_012_345)
  }

  @Test func decimalCommaOnlyWhenTheDialectUsesIt() {
    #expect(parse("7,5", decimalComma: true) == 7.5)
    #expect(parse("-0,25", decimalComma: true) == -0.25)
    #expect(parse("7,5") == nil)
  }

  /// Long digit strings leave the exact fast path and must still round correctly.
  @Test func longDigitStringsAreCorrectlyRounded() {
    #expect(parse("0.1000000000000000055511151231257827") == 0.1)
    #expect(parse("12345678901234567890") == 12_345_678_901_234_567_890.0)
    #expect(parse("3.14159265358979323846") == Double.pi)
  }

  @Test func whatIsNotANumber() {
    for text in ["", "-", "007", "01", "+1", " 1", "1 ", "1.", ".5", "1e3", "1.2.3", "NSP", "1,5,2", "--1"] {
      #expect(parse(text, decimalComma: true) == nil, "\(text)")
    }
  }

  @Test func renderReadsBack() {
    #expect(NumberParser.render(7, decimalComma: false) == "7")
    #expect(NumberParser.render(-12, decimalComma: false) == "-12")
    #expect(NumberParser.render(7.5, decimalComma: false) == "7.5")
    #expect(NumberParser.render(7.5, decimalComma: true) == "7,5")
    for value in [0.1, 2.0 / 3.0, 1234.5678] {
      #expect(parse(NumberParser.render(value, decimalComma: false)) == value)
    }
  }
}
