/// How declared missing codes (« Ne sait pas », refusal) enter analyses.
public enum DontKnowPolicy: String, Sendable {
  /// Left out of the base of every percentage and mean (the default).
  case exclude
  /// Counted as an answer category of their own.
  case category
}
