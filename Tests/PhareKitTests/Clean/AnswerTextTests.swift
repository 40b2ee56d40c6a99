import Testing

@testable import PhareKit

@Suite struct AnswerTextTests {
  @Test func foldingIgnoresCaseAccentsApostrophesAndSpaces() {
    #expect(AnswerText.fold("  Oui, tout à FAIT ") == "oui, tout a fait")
    #expect(AnswerText.fold("oui,  tout a fait") == AnswerText.fold("Oui, tout à fait"))
    #expect(AnswerText.fold("Île-de-France") == AnswerText.fold("ile-de-france"))
    #expect(AnswerText.fold("L’emploi d’abord") == AnswerText.fold("l'emploi d'abord"))
    #expect(AnswerText.fold("Très important") != AnswerText.fold("Important"))
  }

  @Test func looseNumbers() {
    #expect(AnswerText.number(" 1") == 1)
    #expect(AnswerText.number("01") == 1)
    #expect(AnswerText.number("1.0") == 1)
    #expect(AnswerText.number("+2") == 2)
    #expect(AnswerText.number("7,5") == 7.5)
    #expect(AnswerText.number("1 250") == 1250)
    // Scientific notation as R's write.csv writes it is a number; hexadecimal and words are not.
    #expect(AnswerText.number("1e3") == 1000)
    for text in ["", "0x10", "inf", "nan", "un", "12 50", "1 2500", "1e", "e3"] {
      #expect(AnswerText.number(text) == nil, "\(text)")
    }
  }

  /// The clean stage reads what ingest reads, plus `+`, leading zeros and surrounding spaces.
  @Test func groupedAndAmbiguousNumbers() {
    #expect(AnswerText.reading(" 1\u{00A0}234,5 ", decimalComma: true) == .number(1234.5))
    #expect(AnswerText.reading("+1.200,50", decimalComma: true) == .number(1200.5))
    #expect(AnswerText.reading("01,234", decimalComma: true) == .number(1.234))
    #expect(AnswerText.reading("-1\u{202F}000", decimalComma: false) == .number(-1000))
    #expect(AnswerText.reading("1,234", decimalComma: true) == .ambiguous)
    #expect(AnswerText.reading("1,234", decimalComma: false) == .ambiguous)
    #expect(AnswerText.reading(" 1.234", decimalComma: true) == .ambiguous)
    #expect(AnswerText.reading("1.234", decimalComma: false) == .number(1.234))
    #expect(AnswerText.reading("1 2,34", decimalComma: true) == .notANumber)
  }

  @Test func blanks() {
    #expect(AnswerText.isBlank(""))
    #expect(AnswerText.isBlank("  \t"))
    #expect(!AnswerText.isBlank(" 0 "))
  }
}
