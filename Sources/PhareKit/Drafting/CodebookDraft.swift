import Foundation
import Yams

/// A codebook drafted from an export: each column's type guessed from its values and, for an
/// SPSS or Stata file, from its dictionary (variable labels, value labels, user-missing codes),
/// written as codebook YAML with every guess marked by a `# guess:` comment to confirm.
///
/// Guesses: personal data where cells look like e-mails, phone numbers or people's names (or the
/// column is named so); labelled numbers → `single`; runs of 0/1 columns sharing a prefix
/// (`q1_citoyens`, `q1_associations`) → one `multiple` set; the first column with a distinct value
/// in (nearly) every row → `identifier`; whole codes joined by `|` in one cell → `multiple` with
/// a separator; few whole codes → `single` (a lone high 9, 99 or 999 as « Ne sait
/// pas »); whole 0-10 scores → `scale`; other numbers → `numeric` with their range; the rest → `text`.
public struct CodebookDraft: Sendable {
  /// One drafted variable and why it was guessed so.
  struct Variable: Sendable {
    var name: String
    var kind: VariableKind
    var label: String?
    var source: String
    var values: [ValueLabel] = []
    var missing: [ValueLabel] = []
    var range: ClosedRange<Double>?
    var items: [(column: String, label: String)] = []
    /// The separator of a multiple-response set in one cell.
    var separator: String?
    var guess: String
  }

  let variables: [Variable]
  /// Where the draft comes from, for its header comment.
  let source: String
  let rows: Int
  let columns: Int

  /// The draft of `ingest`'s columns, with its file's dictionary (`IngestResult.dictionary`) for an
  /// SPSS or Stata file.
  public init(_ ingest: IngestResult) {
    source = ingest.file
    rows = ingest.rowsKept
    columns = ingest.table.columns.count
    let profiles = zip(ingest.table.schema.fields, ingest.table.columns).map {
      ColumnProfile(name: $0.name, column: $1)
    }
    variables = Self.guess(profiles, dictionary: ingest.dictionary)
  }

  /// The variables of the columns in order, each 0/1 run becoming one set.
  private static func guess(_ profiles: [ColumnProfile], dictionary: StatFileDictionary?) -> [Variable] {
    var variables: [Variable] = []
    var names: Set<String> = []
    var hasIdentifier = false
    var index = 0
    while index < profiles.count {
      let profile = profiles[index]
      let set = itemSet(in: profiles, from: index)
      if set.count >= 2 {
        let prefix = String(profile.name[..<profile.name.lastIndex(of: "_")!])
        let items = set.map { item in
          (
            item.name,
            dictionary?.variableLabels[item.name]
              ?? String(item.name[item.name.index(after: item.name.lastIndex(of: "_")!)...])
          )
        }
        variables.append(
          Variable(
            name: unique(slug(prefix), &names), kind: .multiple, label: nil, source: prefix, items: items,
            guess: "\(set.count) columns of 0/1 named \(prefix)_…: one multiple-response set"))
        index += set.count
        continue
      }
      let entry = ColumnDictionary(profile.name, in: dictionary)
      var variable = guess(profile, entry: entry, identifierTaken: hasIdentifier)
      if let entry, [.single, .scale, .numeric].contains(variable.kind) || variable.separator != nil {
        declareMissing(&variable, entry: entry, observed: profile.codes)
      }
      if let fractional = entry?.fractionalValues, !fractional.isEmpty {
        variable.guess +=
          "; the file labels " + fractional.map { "\($0.value) « \($0.label) »" }.joined(separator: ", ")
          + ", which no codebook code (a whole number) can be: recode them"
      }
      distinguishLabels(&variable)
      hasIdentifier = hasIdentifier || variable.kind == .identifier
      variable.name = unique(slug(profile.name), &names)
      variables.append(variable)
      index += 1
    }
    return variables
  }

  /// The 0/1 columns from `start` on that share its name's prefix before the last `_`.
  private static func itemSet(in profiles: [ColumnProfile], from start: Int) -> ArraySlice<ColumnProfile> {
    guard profiles[start].isZeroOne, let underscore = profiles[start].name.lastIndex(of: "_") else { return [] }
    let prefix = profiles[start].name[...underscore]
    var end = start
    while end < profiles.count && profiles[end].isZeroOne && profiles[end].name.hasPrefix(prefix) {
      end += 1
    }
    return profiles[start..<end]
  }

  private static func guess(_ profile: ColumnProfile, entry: ColumnDictionary?, identifierTaken: Bool) -> Variable {
    var variable = Variable(name: "", kind: .text, label: entry?.label, source: profile.name, guess: "")
    if let reason = personalReason(profile) {
      variable.kind = .personal
      variable.guess = reason
      return variable
    }
    let labelled = (entry?.values ?? []).filter { !(entry?.isMissing($0.code) ?? false) }
    if profile.isNumeric || profile.filled == 0, !labelled.isEmpty {
      variable.kind = .single
      variable.values = labelled
      let unlabelled = profile.codes.filter { code in
        !(entry?.values ?? []).contains { $0.code == code } && !(entry?.isMissing(code) ?? false)
      }
      variable.values += unlabelled.map { ValueLabel(code: $0, label: "code \($0)") }
      variable.guess =
        "\(labelled.count) labelled codes in the file"
        + (unlabelled.isEmpty ? "" : "; codes \(unlabelled.map(String.init).joined(separator: ", ")) have no label")
      return variable
    }
    if profile.isNearlyUnique && (!profile.isNumeric || profile.isWhole) && !identifierTaken {
      variable.kind = .identifier
      let repeats = profile.filled - profile.distinct
      variable.guess =
        "\(profile.distinct) distinct values in \(profile.rows) rows"
        + (repeats == 0 ? "" : " (\(repeats) repeated: the clean stage quarantines duplicates)")
      return variable
    }
    if let codes = profile.cellCodes, profile.filled > 0 {
      variable.kind = .multiple
      variable.separator = "|"
      variable.values = codes.map { ValueLabel(code: $0, label: "code \($0)") }
      let unlabelled = codes.contains { code in !(entry?.values ?? []).contains { $0.code == code } }
      variable.guess = "\(codes.count) whole codes joined by | in one cell\(unlabelled ? ", labels to write" : "")"
      return variable
    }
    guard profile.isNumeric, let lowest = profile.lowest, let highest = profile.highest else {
      variable.guess =
        profile.filled == 0
        ? "every cell is blank" : "\(profile.distinct) distinct texts in \(profile.filled) filled cells"
      return variable
    }
    var codes = profile.codes.filter { !(entry?.isMissing($0) ?? false) }
    if entry?.declaresMissing != true, let last = codes.last, [9, 99, 999].contains(last), codes.count >= 3,
      last > 2 * codes[codes.count - 2]
    {
      codes.removeLast()
      variable.missing = [ValueLabel(code: last, label: "Ne sait pas")]
    }
    let missingNote = variable.missing.map { "; \($0.code) read as « Ne sait pas »" }.first ?? ""
    if profile.isWhole && !codes.isEmpty && lowest >= 0 && (codes.last ?? 0) <= 10 && codes.count >= 7 {
      variable.kind = .scale
      variable.range = Double(codes[0])...Double(codes.last!)
      variable.guess = "whole scores from \(codes[0]) to \(codes.last!)\(missingNote)"
    } else if profile.isWhole && !codes.isEmpty && lowest >= 0 && (codes.last ?? 0) <= 99 {
      variable.kind = .single
      variable.values = codes.map { ValueLabel(code: $0, label: "code \($0)") }
      variable.guess = "\(codes.count) whole codes, labels to write\(missingNote)"
    } else {
      variable.kind = .numeric
      variable.missing = []
      variable.range = lowest...highest
      variable.guess =
        "\(profile.distinct) distinct \(profile.isWhole ? "whole numbers" : "numbers") "
        + "from \(Self.number(lowest)) to \(Self.number(highest))"
    }
    return variable
  }

  /// Applies what the file declares missing to a drafted coded or numeric variable: codes declared
  /// user-missing, one by one or in a range (`90 THRU 99`, `9 THRU HI`), labelled or found in the
  /// column, become missing codes; labelled answers the column lacks are added, and codes
  /// labelled `code N` take the file's label (the file's labels are what `phare validate` checks
  /// against); each labelled Stata tag (`.a` « Ne sait pas ») gets a missing code of its own, by
  /// which label `StatFileReader` maps it: 9, 99… above every answer.
  private static func declareMissing(_ variable: inout Variable, entry: ColumnDictionary, observed: [Int]) {
    let coded = variable.kind == .single || variable.separator != nil
    let label = { (code: Int) in entry.values.first { $0.code == code }?.label ?? "code \(code)" }
    var missing = Set(variable.missing.map(\.code))
    missing.formUnion(entry.missingCodes)
    missing.formUnion((entry.values.map(\.code) + observed + variable.values.map(\.code)).filter(entry.isMissing))
    var values = variable.values.filter { !missing.contains($0.code) }
    if coded {
      values += entry.values.filter { value in
        !missing.contains(value.code) && !values.contains { $0.code == value.code }
      }
      values = values.map {
        ValueLabel(code: $0.code, label: $0.label == "code \($0.code)" ? label($0.code) : $0.label)
      }
      values.sort { $0.code < $1.code }
    }
    var declared = missing.sorted().map { code in
      ValueLabel(code: code, label: variable.missing.first { $0.code == code }?.label ?? label(code))
    }
    var notes: [String] = []
    if !entry.missingRanges.isEmpty || !entry.missingCodes.isEmpty {
      notes.append("declared missing in the file: \(entry.missingDescription)")
    }
    let highest = (values.map(\.code) + declared.map(\.code) + observed).max() ?? 0
    var code = [9, 99, 999, 9_999, 99_999].first { $0 > highest } ?? highest + 1
    for tag in entry.tags where !declared.contains(where: { ValueLabel.sameWording($0.label, tag.label) }) {
      while values.contains(where: { $0.code == code }) || declared.contains(where: { $0.code == code }) { code -= 1 }
      declared.append(ValueLabel(code: code, label: tag.label))
      notes.append(
        "Stata's \(tag.value) « \(tag.label) » drafted as code \(code), which the file does not hold"
      )
      code -= 1
    }
    if coded { variable.values = values }
    variable.missing = declared
    if !notes.isEmpty { variable.guess += "; " + notes.joined(separator: "; ") }
  }

  /// Codes that share a label in the file (which a codebook may not) get their code after it:
  /// « Bretagne (53) », noted in the guess.
  private static func distinguishLabels(_ variable: inout Variable) {
    let all = variable.values + variable.missing
    let shared = Dictionary(grouping: all) { ValueLabel.wording($0.label) }.filter { $0.value.count > 1 }
    guard !shared.isEmpty else { return }
    let distinct = { (value: ValueLabel) -> ValueLabel in
      shared[ValueLabel.wording(value.label)] == nil
        ? value : ValueLabel(code: value.code, label: "\(value.label) (\(value.code))")
    }
    variable.values = variable.values.map(distinct)
    variable.missing = variable.missing.map(distinct)
    let codes = shared.values.map { $0.map { String($0.code) }.joined(separator: " and ") }.sorted()
    variable.guess +=
      "; codes " + codes.joined(separator: "; ") + " share a label in the file: told apart by their code"
  }

  /// Why a column looks like personal data, or nil.
  private static func personalReason(_ profile: ColumnProfile) -> String? {
    let name = slug(profile.name)
    if profile.emailShare >= 0.8 { return "e-mail addresses" }
    if profile.phoneShare >= 0.8 { return "phone numbers" }
    if profile.nameShare >= 0.8 && profile.distinct * 2 >= profile.filled { return "people's names" }
    let hints = [
      "nom", "prenom", "name", "email", "mail", "courriel", "tel", "telephone", "phone", "portable", "adresse",
    ]
    if hints.contains(name) { return "its name (\(profile.name)) says personal data" }
    return nil
  }

  /// A codebook variable name for a column name: lowercase ASCII letters, digits and `_`.
  static func slug(_ name: String) -> String {
    let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    var slug = ""
    for character in folded {
      if character.isASCII && (character.isLetter || character.isNumber) {
        slug.append(character)
      } else if !slug.hasSuffix("_") {
        slug.append("_")
      }
    }
    slug = String(slug.drop { $0 == "_" }.reversed().drop { $0 == "_" }.reversed())
    return slug.first.map { $0.isLetter } == true ? slug : "v_" + slug
  }

  private static func unique(_ name: String, _ taken: inout Set<String>) -> String {
    var candidate = name
    var suffix = 2
    while !taken.insert(candidate).inserted {
      candidate = "\(name)_\(suffix)"
      suffix += 1
    }
    return candidate
  }
}
