/// Why the ingest stage rejected a record.
enum IngestRejection: Equatable {
  case fieldCount(expected: Int, found: Int)
  case malformedQuote
  case unterminatedQuote

  var rule: String {
    switch self {
    case .fieldCount: return "ingest.field-count"
    case .malformedQuote: return "ingest.malformed-quote"
    case .unterminatedQuote: return "ingest.unterminated-quote"
    }
  }

  var message: String {
    switch self {
    case .fieldCount(let expected, let found):
      return "expected \(expected) fields as in the header, found \(found)"
    case .malformedQuote:
      return "malformed quoting: a quote inside an unquoted field, or text after a closing quote"
    case .unterminatedQuote:
      return "a quoted field is never closed; it runs to the end of the file"
    }
  }
}
