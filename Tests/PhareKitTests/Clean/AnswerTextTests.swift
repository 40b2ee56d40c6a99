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
    for text in ["", "1e3", "0x10", "inf", "nan", "un", "1 250"] {
      #expect(AnswerText.number(text) == nil, "\(text)")
    }
  }

  @Test func blanks() {
    #expect(AnswerText.isBlank(""))
    #expect(AnswerText.isBlank("  \t"))
    #expect(!AnswerText.isBlank(" 0 "))
  }
}
