/// How many of a question's respondents answer « Ne sait pas » (a declared missing code) or leave
/// it blank; the truth shares of the answers apply to the others.
struct NonResponse: Sendable {
  var dontKnowCode: Int?
  var dontKnow: Double
  var blank: Double

  /// Everyone answers (weighting variables, descriptive questions).
  static let none = NonResponse(dontKnowCode: nil, dontKnow: 0, blank: 0)

  static func blank(_ share: Double) -> NonResponse {
    NonResponse(dontKnowCode: nil, dontKnow: 0, blank: share)
  }

  static func dontKnow(_ code: Int, _ share: Double, blank: Double) -> NonResponse {
    NonResponse(dontKnowCode: code, dontKnow: share, blank: blank)
  }
}
