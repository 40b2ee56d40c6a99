import Testing

@testable import PhareKit

/// CSV as RFC 4180 writes it and as Excel in France opens it; text neutralised, numbers untouched.
@Suite struct CSVWriterTests {
  private let cells: [CSVCell] = [
    .text("Oui, tout à fait"), .text("dit \"non\""), .text("deux\nlignes"), .text("a;b"), .number(-0.125),
    .number(35795), .integer(-4), .fixed(43.04, decimals: 1), .fixed(2.256, decimals: 2, note: "H"), .empty,
  ]

  @Test func rfc4180UsesCommasCRLFAndQuotesOnlyWhenNeeded() {
    var writer = CSVWriter(locale: .rfc4180)
    writer.row([.text("a"), .text("b")])
    writer.row(cells)
    #expect(
      writer.text
        == "a,b\r\n\"Oui, tout à fait\",\"dit \"\"non\"\"\",\"deux\nlignes\",a;b,-0.125,35795,-4,43.0,2.26 H,\r\n")
  }

  @Test func frenchUsesSemicolonsDecimalCommasAndAByteOrderMark() {
    var writer = CSVWriter(locale: .french)
    writer.row([.text("a"), .text("b")])
    writer.row(cells)
    #expect(
      writer.text
        == "\u{FEFF}a;b\r\nOui, tout à fait;\"dit \"\"non\"\"\";\"deux\nlignes\";\"a;b\";-0,125;35795;-4;43,0;2,26 H;\r\n"
    )
    #expect(Array(writer.text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
  }

  @Test func textThatASpreadsheetWouldRunIsNeutralisedAndNumbersAreNot() {
    var writer = CSVWriter(locale: .rfc4180)
    writer.row([
      .text("=HYPERLINK(\"http://x\")"), .text("+33 6 12"), .text("-Autre"), .text("@SUM(A1)"), .text("\tcmd"),
      .text("-12"), .text("-1.5"), .text("-1+2"), .number(-3.25), .integer(-7), .fixed(-1.26, decimals: 1),
      .fixed(-1.26, decimals: 1, note: "B"), .text("Non (net)"),
    ])
    #expect(
      writer.text
        == "\"'=HYPERLINK(\"\"http://x\"\")\",'+33 6 12,'-Autre,'@SUM(A1),'\tcmd,-12,-1.5,'-1+2,-3.25,-7,-1.3,'-1.3 B,"
        + "Non (net)\r\n")
  }

  @Test func numbersAreWrittenWithoutExponentAndReadBackExactly() {
    let values = [1.2417119887864203e-08, -3.2e-05, 1e20, 6.02214076e23, 0.1, 123456.789, -2.5e-300]
    var writer = CSVWriter(locale: .french)
    writer.row(values.map(CSVCell.number))
    #expect(
      writer.text.hasPrefix(
        "\u{FEFF}0,000000012417119887864203;-0,000032;100000000000000000000;602214076000000000000000;0,1;123456,789;-0,0"
      ))
    let fields = writer.text.dropFirst().dropLast().split(separator: ";")
    #expect(fields.map { Double($0.replacingOccurrences(of: ",", with: ".")) } == values)
  }

  @Test func integersAndCachedCellsAreTheBytesTheirCellsWrite() {
    var writer = CSVWriter(locale: .french)
    let integers: [Int64] = [0, -7, 35795, .max, .min]
    for value in integers { writer.append(integer: value) }
    writer.append(verbatim: writer.encodedCell(.text("a;b")))
    writer.append(number: -0.0)
    writer.append(number: 1e15)
    writer.endRow()
    #expect(
      writer.text == "\u{FEFF}0;-7;35795;9223372036854775807;-9223372036854775808;\"a;b\";0;1000000000000000,0\r\n")
  }

  @Test func nonFiniteNumbersAreWrittenAsRWritesThem() {
    var writer = CSVWriter(locale: .french)
    writer.row([.number(.nan), .number(.infinity), .number(-.infinity), CSVCell(nil as Double?)])
    #expect(writer.text == "\u{FEFF}NaN;Inf;-Inf;\r\n")
  }
}

/// The byte scan that decides quoting agrees with `Character.isNewline` and the separator.
@Suite struct CSVQuotingTests {
  @Test func quotesExactlyWhatACharacterScanWould() {
    let fields = [
      "plain", "accentué é", "a,b", "a;b", "say \"hi\"", "line\nbreak", "cr\rhere", "tab\tok", "vt\u{0B}", "ff\u{0C}",
      "nel\u{85}", "ls\u{2028}", "ps\u{2029}", "not ls \u{2027}\u{202A}", "Â…", "€", "",
    ]
    for separator: Character in [",", ";"] {
      for field in fields {
        let expected = field.contains { $0 == separator || $0 == "\"" || $0.isNewline }
        #expect(
          CSVWriter.needsQuotes(field.utf8, separator: separator.asciiValue!) == expected, "\(field.debugDescription)")
      }
    }
  }
}
