/// Reads the CSV phare writes back into rows of fields, for the tests: quoted fields with
/// doubled quotes, separators and line breaks; CRLF or LF line ends; a leading byte order mark.
public enum CSVText {
  public static func rows(_ text: String, separator: Character = ",") -> [[String]] {
    var characters = Array(text)
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var index = 0
    while index < characters.count {
      let character = characters[index]
      index += 1
      if quoted {
        if character != "\"" {
          field.append(character)
        } else if index < characters.count && characters[index] == "\"" {
          field.append("\"")
          index += 1
        } else {
          quoted = false
        }
      } else if character == "\"" {
        quoted = true
      } else if character == separator {
        row.append(field)
        field = ""
      } else if character.isNewline {
        rows.append(row + [field])
        row = []
        field = ""
      } else {
        field.append(character)
      }
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
  }

  /// The rows after the header as dictionaries keyed by the header's names.
  public static func records(_ text: String, separator: Character = ",") -> [[String: String]] {
    let rows = rows(text, separator: separator)
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }
}
