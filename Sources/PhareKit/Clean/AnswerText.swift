import Foundation

/// The lenient readings of an answer that the clean stage allows, unlike ingest's exact ones:
/// `" 1"`, `"1.0"`, `"01"` are all 1, and labels match whatever their case and accents.
enum AnswerText {
  /// The text with case, accents, typographic apostrophes and repeated spaces folded away,
  /// so that `"oui, tout a fait"` matches « Oui, tout à fait ».
  static func fold(_ text: String) -> String {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    let plain = String(
      folded.map { character -> Character in
        switch character {
        case "’", "‘", "ʼ": return "'"
        case "«", "»", "“", "”": return "\""
        case "\u{00A0}", "\u{202F}", "\t": return " "
        default: return character
        }
      })
    return plain.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  /// A number written loosely: surrounding spaces, leading zeros or `+`, a trailing `.0`, a
  /// decimal comma in any file, grouped digits (`1 234`, `1.200,50`), as `NumberParser` reads
  /// them with `lenient`; `decimalComma` is the file's dialect, which settles `1.234` where the
  /// decimal mark is `.`. Nothing else (no exponent, no hexadecimal, no `inf`).
  static func reading(_ text: String, decimalComma: Bool, evidence: MarkEvidence = MarkEvidence()) -> NumberReading {
    var trimmed = Substring(text)
    while let first = trimmed.first, isSpace(first) { trimmed.removeFirst() }
    while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
    return Array(trimmed.utf8).withUnsafeBytes {
      NumberParser.read($0, decimalComma: decimalComma, lenient: true, evidence: evidence)
    }
  }

  /// What a column's answers that read as numbers say about `.` and `,` (`90,5` makes `143,375` 143.375).
  static func evidence(_ texts: [String?], decimalComma: Bool) -> MarkEvidence {
    var evidence = MarkEvidence()
    for case let text? in texts {
      if case .number = reading(text, decimalComma: decimalComma) {
        Array(text.utf8).withUnsafeBytes { evidence.add($0) }
      }
    }
    return evidence
  }

  /// The number a text holds, read as `reading` does in a file whose decimal mark is `.`.
  static func number(_ text: String) -> Double? {
    if case .number(let value) = reading(text, decimalComma: false) { return value }
    return nil
  }

  private static func isSpace(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\u{00A0}" || character == "\u{202F}"
  }

  /// Whether the text is blank (empty or spaces only): an unanswered question.
  static func isBlank(_ text: String) -> Bool {
    text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
  }
}
