/// A code and its French label, as a codebook lists answers and missing codes.
public struct ValueLabel: Equatable, Sendable {
  public var code: Int
  public var label: String

  public init(code: Int, label: String) {
    self.code = code
    self.label = label
  }

  /// A label as labels are compared (between a codebook's codes, or a file's and a codebook's):
  /// without surrounding spaces, case aside.
  static func wording(_ label: String) -> String {
    label.trimmingSpaces().lowercased()
  }

  /// Whether two labels say the same (`wording`): « ne sait pas » is « Ne sait pas ».
  static func sameWording(_ label: String, _ other: String) -> Bool {
    wording(label) == wording(other)
  }
}
