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
    for text in [
      "", "-", "007", "01", "+1", " 1", "1 ", "1.", ".5", "1.2.3", "NSP", "1,5,2", "--1", "e5", "1e", "1e+",
      "1e1234", "1 234e5", "1.234.567e2", "1e5x", "1e999", "1,5e3x",
    ] {
      #expect(parse(text, decimalComma: true) == nil, "\(text)")
    }
    #expect(parse("1,5e3", decimalComma: false) == nil)
  }

  /// Scientific notation as R's write.csv (`1e+05`) and Excel (`1,23457E+15`) write it, correctly rounded.
  @Test func scientificNotation() {
    #expect(parse("1e+05", decimalComma: false) == 100_000)
    #expect(parse("1e3", decimalComma: true) == 1000)
    #expect(parse("-2.5e-07", decimalComma: false) == -2.5e-07)
    #expect(parse("1,5E+03", decimalComma: true) == 1500)
    #expect(parse("1,23457E+15", decimalComma: true) == 1.23457e15)
    #expect(parse("1.234E2", decimalComma: true) == 123.4)
    #expect(parse("0.1e1", decimalComma: false) == 1)
    #expect(parse("4.9406564584124654e-324", decimalComma: false) == 4.9406564584124654e-324)
    #expect(parse("1.7976931348623157e+308", decimalComma: false) == 1.7976931348623157e+308)
  }

  private func read(_ bytes: [UInt8], decimalComma: Bool = true) -> NumberReading {
    bytes.withUnsafeBytes { NumberParser.read($0, decimalComma: decimalComma) }
  }

  /// French exports group thousands with spaces (plain, U+00A0, U+202F, or byte A0 in
  /// Windows-1252), or with dots before a decimal comma.
  @Test func groupedDigits() {
    #expect(parse("1 234", decimalComma: true) == 1234)
    #expect(parse("1\u{00A0}234", decimalComma: true) == 1234)
    #expect(parse("12\u{202F}345\u{202F}678", decimalComma: true) == 12_345_678)
    #expect(read([0x31, 0xA0, 0x32, 0x33, 0x34]) == .number(1234))
    #expect(parse("-1 200,50", decimalComma: true) == -1200.5)
    #expect(parse("1.200,50", decimalComma: true) == 1200.5)
    #expect(parse("1.234.567", decimalComma: true) == 1_234_567)
    #expect(parse("1,234,567") == 1_234_567)
    #expect(parse("1,234.5") == 1234.5)
    #expect(parse("1 234.5") == 1234.5)
    #expect(parse("9 007 199 254 740 993", decimalComma: true) == 9_007_199_254_740_993)
    #expect(parse("1 234 567,000000000001", decimalComma: true) == 1_234_567.000000000001)
  }

  @Test func badGroupsAreNotNumbers() {
    for text in ["12 34", "1 2345", "1234 567", "0 123", "1  234", "1 234.567,8", "1 234\u{00A0}567", "1.234 567"] {
      #expect(parse(text, decimalComma: true) == nil, "\(text)")
    }
    #expect(parse("1.200,50") == nil)
  }

  /// One `.` or `,` before exactly three digits: 1.234 or 1234? Only `.` in a decimal-point file is settled.
  @Test func aSingleMarkBeforeThreeDigitsIsAmbiguous() {
    for text in ["1,234", "12.345", "-999,500", "1.234"] {
      #expect(read(Array(text.utf8)) == .ambiguous, "\(text)")
    }
    #expect(read(Array("1,234".utf8), decimalComma: false) == .ambiguous)
    #expect(read(Array("1.234".utf8), decimalComma: false) == .number(1.234))
    #expect(read(Array("0,123".utf8)) == .number(0.123))
    #expect(read(Array("1234,567".utf8)) == .number(1234.567))
    #expect(read(Array("1,2345".utf8)) == .number(1.2345))
    #expect(read(Array("1 234,567".utf8)) == .number(1234.567))
  }

  /// A column's other values settle the mark: `90,5` makes commas decimal, `1.234.567` makes dots group thousands.
  @Test func evidenceSettlesAnAmbiguousMark() {
    func evidence(_ texts: [String]) -> MarkEvidence {
      var evidence = MarkEvidence()
      for text in texts { Array(text.utf8).withUnsafeBytes { evidence.add($0) } }
      return evidence
    }
    func read(_ text: String, _ evidence: MarkEvidence) -> NumberReading {
      Array(text.utf8).withUnsafeBytes { NumberParser.read($0, decimalComma: true, evidence: evidence) }
    }
    #expect(read("143,375", evidence(["90,5"])) == .number(143.375))
    #expect(read("143,375", evidence(["1 234,5"])) == .number(143.375))
    #expect(read("1.234", evidence(["1.234.567"])) == .number(1234))
    #expect(read("1.234", evidence(["1.200,50"])) == .number(1234))
    #expect(read("1,234", evidence(["1.200,50"])) == .number(1.234))
    #expect(read("1,234", evidence(["1,234,567"])) == .number(1234))
    #expect(read("1,234", evidence(["90,5", "1,234,567"])) == .ambiguous)
    // One decimal mark per column: the file's own decimal mark, settled by the column, makes the
    // other group thousands; not the reverse (one `1.5` in a `;` file does not make `1,234` 1234);
    // a mark that groups says nothing of the other (whole numbers have no decimal mark).
    #expect(read("4.102", evidence(["1 313,07"])) == .number(4102))
    #expect(read("1,234", evidence(["1.5", "12"])) == .ambiguous)
    let pointFile = Array("1,234".utf8).withUnsafeBytes {
      NumberParser.read($0, decimalComma: false, evidence: evidence(["1.5", "12"]))
    }
    #expect(pointFile == .number(1234))
    #expect(read("1,234", evidence(["1.234.567"])) == .ambiguous)
    #expect(read("1,234", evidence(["12", "7"])) == .ambiguous)
    #expect(read("1.234", evidence(["1,5", "2.5"])) == .ambiguous)
    #expect(read("1,234", evidence(["1,5", "2.5"])) == .ambiguous)
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
