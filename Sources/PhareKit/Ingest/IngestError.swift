/// A problem that stops a whole file from being read. Each renders as one line naming the file.
public enum IngestError: Error, Equatable, CustomStringConvertible {
  case fileNotFound(file: String)
  case notARegularFile(file: String)
  case unreadable(file: String, reason: String)
  case emptyFile(file: String)
  case binaryFile(file: String)
  case unsupportedEncoding(file: String, encoding: String)
  case undecodable(file: String, encoding: TextEncoding)
  /// Some physical lines are not UTF-8 in a file that otherwise is: the first few, and how many in all.
  case linesNotUTF8(file: String, lines: [Int], count: Int)
  case headerOnly(file: String)
  case ambiguousSeparator(file: String, line: Int, evidence: [SeparatorEvidence])
  case emptyColumnNames(file: String, positions: [Int], line: Int = 1)
  /// An unnamed column after the last named one that holds values: its position, the header's
  /// line, the first line with a value and how many rows have one.
  case unnamedColumnWithValues(file: String, position: Int, headerLine: Int, firstLine: Int, rows: Int)
  case duplicateColumnNames(file: String, names: [String], line: Int = 1)
  case malformedHeader(file: String, line: Int)
  case parserFailure(file: String, line: Int, reason: String)
  /// A typed file (SPSS, Stata) that ReadStat cannot read whole: ReadStat's own words
  /// (`readstat_error_message`), and what phare knows besides (cases announced and read).
  case unreadableStatFile(file: String, format: StatFileFormat, reason: String)

  public var file: String {
    switch self {
    case .fileNotFound(let file), .notARegularFile(let file), .unreadable(let file, _), .emptyFile(let file),
      .binaryFile(let file), .unsupportedEncoding(let file, _), .undecodable(let file, _),
      .linesNotUTF8(let file, _, _), .headerOnly(let file),
      .ambiguousSeparator(let file, _, _), .emptyColumnNames(let file, _, _), .duplicateColumnNames(let file, _, _),
      .unnamedColumnWithValues(let file, _, _, _, _),
      .malformedHeader(let file, _),
      .parserFailure(let file, _, _), .unreadableStatFile(let file, _, _):
      return file
    }
  }

  public var description: String { "\(file): \(problem)" }

  /// Lists of positions or names in a message stop after this many: a header may have hundreds.
  static let maxListed = 10

  /// What is wrong, without the file name.
  public var problem: String {
    switch self {
    case .fileNotFound:
      return "no such file"
    case .notARegularFile:
      return "not a regular file (a directory or a device?)"
    case .unreadable(_, let reason):
      return "cannot be read: \(reason)"
    case .emptyFile:
      return "the file is empty (no header line)"
    case .binaryFile:
      return "not a text file (binary content, e.g. a spreadsheet or an archive); export it as CSV"
    case .unsupportedEncoding(_, let encoding):
      return "\(encoding) is not supported; export as UTF-8, UTF-16 or Windows-1252"
    case .undecodable(_, let encoding):
      let utf16 = encoding == .utf16BigEndian || encoding == .utf16BigEndianWithBOM ? "UTF-16 BE" : "UTF-16 LE"
      let evidence = encoding.hasBOM ? "starts with a \(utf16) byte-order mark" : "has the NUL bytes of \(utf16) text"
      return "\(evidence) but is not valid \(utf16) (cut short, or two encodings mixed?)"
    case .linesNotUTF8(_, let lines, let count):
      let shown = lines.prefix(Self.maxListed).map(String.init).joined(separator: ", ")
      let more = count > min(lines.count, Self.maxListed) ? " and \(count - min(lines.count, Self.maxListed)) more" : ""
      let which = count == 1 ? "line \(shown)\(more) is" : "lines \(shown)\(more) are"
      return "\(which) not UTF-8 while the rest of the file is (rows appended by another tool?); "
        + "re-export as UTF-8, or set `encoding: mixed` in the spec's inputs (`--encoding mixed` for phare inspect) "
        + "to read them as Windows-1252"
    case .headerOnly:
      return "the file has a header line but no data rows"
    case .ambiguousSeparator(_, let line, let evidence):
      let names = evidence.map(\.separator.name)
      let fits = names.dropLast().joined(separator: ", ") + " and " + names.last!
      return "line \(line): cannot tell the separator, \(fits) fit equally well "
        + "(\(evidence.map(\.summary).joined(separator: "; "))); "
        + "set `separator:` in the spec's inputs (`--separator` for phare inspect)"
    case .emptyColumnNames(_, let positions, let line):
      let shown = positions.prefix(Self.maxListed).map(String.init).joined(separator: ", ")
      let more = positions.count > Self.maxListed ? " and \(positions.count - Self.maxListed) more" : ""
      let names = positions.count == 1 ? "name at position" : "names at positions"
      return "line \(line): empty column \(names) \(shown)\(more) of the header"
    case .unnamedColumnWithValues(_, let position, let headerLine, let firstLine, let rows):
      let others = rows > 1 ? " (and \(rows - 1) more row\(rows > 2 ? "s" : ""))" : ""
      return "line \(firstLine): column \(position) has no name in the header (line \(headerLine)) but holds a "
        + "value here\(others); name the column or remove its values"
    case .duplicateColumnNames(_, let names, let line):
      let shown = names.prefix(Self.maxListed).joined(separator: ", ")
      let more = names.count > Self.maxListed ? " and \(names.count - Self.maxListed) more" : ""
      return "line \(line): duplicate column names in the header: \(shown)\(more)"
    case .malformedHeader(_, let line):
      return "line \(line): the header line has malformed quoting"
    case .parserFailure(_, let line, let reason):
      return "line \(line): \(reason)"
    case .unreadableStatFile(_, let format, let reason):
      return "not a readable \(format.name) file: \(reason)"
    }
  }
}
