/// What a column's filled cells look like, for guessing its codebook type (`CodebookDraft`).
struct ColumnProfile {
  /// The column's name in the file.
  let name: String
  let rows: Int
  /// Cells that are not blank.
  let filled: Int
  /// Distinct filled values.
  let distinct: Int
  /// Whether every filled cell is a number, and a whole one.
  let isNumeric: Bool
  let isWhole: Bool
  let lowest: Double?
  let highest: Double?
  /// The distinct whole values when there are at most `maxCodes` of them, sorted.
  let codes: [Int]
  /// Shares of the filled cells that look like an e-mail address, a phone number, a person's name.
  let emailShare: Double
  let phoneShare: Double
  let nameShare: Double
  /// The codes of a text column whose every filled cell is whole codes joined by `|` (`1|3`): a
  /// multiple-response set in one cell; nil otherwise or beyond `maxCodes`.
  let cellCodes: [Int]?

  /// Codes beyond which a whole column is a count or a measure rather than coded answers.
  static let maxCodes = 20

  init(name: String, column: Column) {
    self.name = name
    rows = column.count
    var numbers: Set<Double> = []
    var texts: Set<String> = []
    var (filled, emails, phones, names) = (0, 0, 0, 0)
    var numeric = true
    var cellCodes: Set<Int>? = []
    for row in 0..<column.count {
      switch column {
      case .numeric(let values):
        guard let value = values[row] else { continue }
        numbers.insert(value)
      case .coded(let codes):
        guard let code = codes[row] else { continue }
        numbers.insert(Double(code))
      case .categorical, .text:
        guard let text = column.text(at: row), !AnswerText.isBlank(text) else { continue }
        texts.insert(text)
        numeric = false
        emails += Self.looksLikeEmail(text) ? 1 : 0
        phones += Self.looksLikePhone(text) ? 1 : 0
        names += Self.looksLikeName(text) ? 1 : 0
        if cellCodes != nil {
          let parts = text.split(separator: "|", omittingEmptySubsequences: false).map { Int($0) }
          cellCodes = parts.allSatisfy { $0 != nil } ? cellCodes!.union(parts.compactMap { $0 }) : nil
        }
      }
      filled += 1
    }
    self.filled = filled
    distinct = numeric ? numbers.count : texts.count
    isNumeric = numeric && filled > 0
    isWhole = isNumeric && numbers.allSatisfy { $0 == $0.rounded() && abs($0) < 1e9 }
    lowest = isNumeric ? numbers.min() : nil
    highest = isNumeric ? numbers.max() : nil
    codes = isWhole && numbers.count <= Self.maxCodes ? numbers.map { Int($0) }.sorted() : []
    self.cellCodes = numeric ? nil : cellCodes.flatMap { $0.count <= Self.maxCodes ? $0.sorted() : nil }
    let share = { (count: Int) in filled == 0 ? 0 : Double(count) / Double(filled) }
    (emailShare, phoneShare, nameShare) = (share(emails), share(phones), share(names))
  }

  /// Whether every filled cell is 0 or 1 (an item of a multiple-response set).
  var isZeroOne: Bool { filled > 0 && !codes.isEmpty && codes.allSatisfy { $0 == 0 || $0 == 1 } }

  /// Whether at least 98 % of the rows hold a value no other row holds (an identifier, a few
  /// duplicates or blanks apart).
  var isNearlyUnique: Bool { rows > 1 && Double(distinct) >= 0.98 * Double(rows) }

  /// One `@` with a dot after it and no space: `claire.mercier@mairie.fr`.
  static func looksLikeEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
  }

  /// 8 to 15 digits, with only spaces, dots, dashes, brackets and a leading `+` between them.
  static func looksLikePhone(_ text: String) -> Bool {
    let digits = text.filter(\.isWholeNumber).count
    let allowed = text.allSatisfy { $0.isWholeNumber || " .-()/".contains($0) } || text.first == "+"
    return (8...15).contains(digits) && allowed && text.dropFirst().allSatisfy { $0 != "+" }
  }

  /// Two to four words of letters, the first and the last capitalised (`Claire Mercier`,
  /// `Jean-Luc d'Arc`, `Anne de la Tour`); words between may be particles.
  static func looksLikeName(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    func capitalised(_ word: Substring) -> Bool {
      let name = word.split(separator: "'").last ?? word
      return name.first?.isUppercase ?? false
    }
    guard (2...4).contains(words.count),
      words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } }),
      capitalised(words[0]), capitalised(words[words.count - 1])
    else { return false }
    let particles: Set<Substring> = ["de", "du", "des", "la", "le", "van", "von", "di", "da"]
    return words.dropFirst().dropLast().allSatisfy { capitalised($0) || particles.contains($0) }
  }
}
