/// Names of margins and of their categories, for messages and diagnostics.
struct MarginNames: Equatable {
  var margins: [String]
  var categories: [[String]]
}
