/// The broken rows planted in every export, one kind per rule of the ingest and clean stages, so each
/// wave exercises them all (well under the 5% quarantine threshold).
public enum DirtyRowKind: String, CaseIterable, Sendable {
  /// A field is missing: `ingest.field-count`.
  case fieldCount
  /// A code the codebook does not list: `clean.unknown-code`.
  case unknownCode
  /// A number outside its range: `clean.out-of-range`.
  case outOfRange
  /// A respondent entered twice: `clean.duplicate-id`.
  case duplicateID
  /// A required variable left blank: `clean.required`.
  case missingRequired
  /// A follow-up answered although its filter excludes it: `consistency.<rule>`.
  case inconsistent
  /// Text where a code or number is expected: `clean.unknown-answer`.
  case unparseable

  /// The quarantine rule the clean stage names, given the survey's consistency rule.
  public func rule(consistency: String) -> String {
    switch self {
    case .fieldCount: return "ingest.field-count"
    case .unknownCode: return "clean.unknown-code"
    case .outOfRange: return "clean.out-of-range"
    case .duplicateID: return "clean.duplicate-id"
    case .missingRequired: return "clean.required"
    case .inconsistent: return "consistency.\(consistency)"
    case .unparseable: return "clean.unknown-answer"
    }
  }
}
