/// A problem that stops a whole file from being read. Each renders as one line naming the file.
public enum IngestError: Error, Equatable, CustomStringConvertible {
  case fileNotFound(file: String)
  case notARegularFile(file: String)
  case unreadable(file: String, reason: String)
  case emptyFile(file: String)
  case binaryFile(file: String)
  case unsupportedEncoding(file: String, encoding: String)
  case headerOnly(file: String)
  case emptyColumnNames(file: String, positions: [Int])
  case duplicateColumnNames(file: String, names: [String])
  case malformedHeader(file: String, line: Int)
  case parserFailure(file: String, line: Int, reason: String)

  public var file: String {
    switch self {
    case .fileNotFound(let file), .notARegularFile(let file), .unreadable(let file, _), .emptyFile(let file),
      .binaryFile(let file), .unsupportedEncoding(let file, _), .headerOnly(let file),
      .emptyColumnNames(let file, _), .duplicateColumnNames(let file, _), .malformedHeader(let file, _),
      .parserFailure(let file, _, _):
      return file
    }
  }

  public var description: String { "\(file): \(problem)" }

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
      return "\(encoding) is not supported; export as UTF-8 or Windows-1252"
    case .headerOnly:
      return "the file has a header line but no data rows"
    case .emptyColumnNames(_, let positions):
      let list = positions.map(String.init).joined(separator: ", ")
      return "line 1: empty column name at position \(list) of the header"
    case .duplicateColumnNames(_, let names):
      return "line 1: duplicate column names in the header: \(names.joined(separator: ", "))"
    case .malformedHeader(_, let line):
      return "line \(line): the header line has malformed quoting"
    case .parserFailure(_, let line, let reason):
      return "line \(line): \(reason)"
    }
  }
}
