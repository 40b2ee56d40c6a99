/// Why the clean stage rejects a row: the first rule it broke.
struct CleanRejection: Equatable {
  var rule: String
  var message: String
  var value: String?
}
