/// One variable of a codebook: where it comes from in the export and what its answers may be.
public struct CodebookVariable: Equatable, Sendable {
  /// One 0/1 item of a multiple-response set stored as columns.
  public struct Item: Equatable, Sendable {
    public var name: String
    public var label: String
    /// The fragility domain the item measures (an id of the spec's domains file), if any.
    public var domain: String? = nil
  }

  public var name: String
  public var kind: VariableKind
  public var label: String
  /// Column names the variable may have in an export, first match wins (exports rename headers between waves).
  public var sources: [String]
  /// The coded answers (single, scale, and multiple-in-one-cell).
  public var values: [ValueLabel]
  /// Codes meaning « Ne sait pas », refusal…: kept distinct from a blank answer.
  public var missingCodes: [ValueLabel]
  /// Allowed values of a scale or numeric variable.
  public var range: ClosedRange<Double>?
  public var required: Bool
  /// Items of a multiple-response set stored as 0/1 columns.
  public var items: [Item]
  /// Separator of a multiple-response set stored in one cell (`"1|3"`).
  public var cellSeparator: String?
  /// What a blank item column means in a multiple-response set stored as columns.
  public var blankItems: BlankItems = .missing
  /// Where the variable is defined in the codebook, for diagnostics.
  public var line: Int?
  /// The fragility domain the variable measures (an id of the spec's domains file), if any.
  public var domain: String? = nil
  /// The waves that ask the variable (`waves:`); nil when every wave does.
  public var waves: AskedWaves? = nil

  /// Whether the variable is asked in `wave`: always, unless its `waves:` leave that wave out.
  public func isAsked(in wave: String) -> Bool {
    waves?.contains(wave) ?? true
  }

  /// Whether some wave may ask both variables: unless both have `waves:` that cannot meet.
  public func isAsked(togetherWith other: CodebookVariable) -> Bool {
    guard let waves, let others = other.waves else { return true }
    return !waves.isDisjoint(from: others)
  }

  /// Whether a code is one of the declared missing codes.
  public func isMissingCode(_ code: Double) -> Bool {
    missingCodes.contains { Double($0.code) == code }
  }

  /// The label of a code, answer or missing code.
  public func label(of code: Int) -> String? {
    (values + missingCodes).first { $0.code == code }?.label
  }
}
