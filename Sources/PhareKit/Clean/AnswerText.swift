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

  /// A number written loosely: surrounding spaces, leading zeros or `+`, a trailing `.0`,
  /// a decimal comma. Nothing else (no exponent, no hexadecimal, no `inf`).
  static func number(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, trimmed.allSatisfy({ "0123456789+-.,".contains($0) }) else { return nil }
    guard let value = Double(trimmed.replacingOccurrences(of: ",", with: ".")), value.isFinite else { return nil }
    return value
  }

  /// Whether the text is blank (empty or spaces only): an unanswered question.
  static func isBlank(_ text: String) -> Bool {
    text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
  }
}
