/// One column of a clean table and what it takes to label and analyse it.
public struct CleanVariable: Equatable, Sendable {
  public var name: String
  public var label: String
  public var kind: VariableKind
  /// Labels of the codes the column holds (answers, items' 0/1, derived categories).
  public var values: [ValueLabel]
  /// Codes meaning « Ne sait pas », refusal…: present in the column, left out of bases by default.
  public var missingCodes: [ValueLabel]
  /// The codebook or derived variable the column comes from (a multiple-response set has one column per item).
  public var origin: String
  /// The fragility domain the column measures, if any: from the codebook, or the variable a net or recode reads.
  public var domain: String?

  public init(
    name: String, label: String, kind: VariableKind, values: [ValueLabel], missingCodes: [ValueLabel],
    origin: String? = nil, domain: String? = nil
  ) {
    self.name = name
    self.label = label
    self.kind = kind
    self.values = values
    self.missingCodes = missingCodes
    self.origin = origin ?? name
    self.domain = domain
  }

  /// Whether the column holds codes (single choices, 0/1 items, derived categories) rather than
  /// scores or numbers.
  var isCoded: Bool { kind == .single || kind == .multiple }

  /// The label of a code, answer or missing code.
  public func label(of code: Int) -> String? {
    (values + missingCodes).first { $0.code == code }?.label
  }

  /// Whether a stored value counts in the base of an analysis under the given policy.
  public func isInBase(_ value: Double, dontKnow: DontKnowPolicy) -> Bool {
    dontKnow == .category || !missingCodes.contains { Double($0.code) == value }
  }
}
