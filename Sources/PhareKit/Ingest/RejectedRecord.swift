/// A record the parser set aside, before its raw text is read back from the file.
struct RejectedRecord: Equatable {
  var line: Int
  var lineCount: Int
  var rejection: IngestRejection
}
