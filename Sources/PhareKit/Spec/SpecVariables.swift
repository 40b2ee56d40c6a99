/// What each name a spec can use stands for — a codebook variable, an item of a
/// multiple-response set, or a derived variable — with the codes it takes, so that every check
/// of a margin, breakdown, estimate variable or rule judges a name the same way.
struct SpecVariables {
  /// What a name holds once cleaned.
  enum Content: Equatable {
    /// Coded answers: single choices, and derived nets (0/1), recodes and crossings.
    case coded(values: [ValueLabel], missing: [ValueLabel])
    /// A score or a number, with its allowed range.
    case number(VariableKind, range: ClosedRange<Double>?)
    /// A multiple-response set: one proportion per item.
    case multipleSet
    /// One 0/1 item of a multiple-response set.
    case item
    case identifier
    case text
    case personal
  }

  /// How a name is used, and so what it must hold.
  enum Use {
    /// Weighting margins, breakdowns, design strata, crossings: coded categories.
    case categories
    /// A design's cluster ids: codes, numbers or text.
    case clusterIDs
    /// Estimate variables: anything with a mean or proportions.
    case analysis
    /// A recode's input or a start-weight column: numbers.
    case numbers
    /// A net's input: codes or scores.
    case codesOrScores
    /// A follow-up blanked by a consistency rule: any answer that is kept.
    case answer

    var requirement: String {
      switch self {
      case .categories: return "a coded variable (single choice, or a derived net, recode or crossing)"
      case .clusterIDs: return "a coded, numeric, text or identifier variable holding cluster ids"
      case .analysis: return "a single choice, multiple response, scale, number or derived variable"
      case .numbers: return "a numeric or scale variable"
      case .codesOrScores: return "a single choice or a scale"
      case .answer: return "a codebook variable kept by the clean stage (a set by its name, not an item)"
      }
    }
  }

  private var contents: [String: Content] = [:]
  /// The multiple-response set of each item.
  private var sets: [String: String] = [:]
  /// The names the codebook defines (variables and items).
  let codebookNames: Set<String>
  /// The codebook variables every kept row answers.
  private let required: Set<String>
  /// Derived variables the spec defines but that are not computed yet at the point checked.
  private var pending: Set<String>

  /// The codebook's variables and items; derived variables are added in spec order, as the clean
  /// stage computes them (each may use those defined before it).
  init(codebook: Codebook, derived: [DerivedVariable] = []) {
    for variable in codebook.variables {
      contents[variable.name] = Self.content(of: variable)
      // A set's items: its item columns, or for a set held in one cell the 0/1 column of each code.
      let items = variable.kind == .multiple ? variable.cleanColumnNames : variable.items.map(\.name)
      for item in items where item != variable.name && contents[item] == nil {
        contents[item] = .item
        sets[item] = variable.name
      }
    }
    codebookNames = Set(contents.keys)
    required = Set(codebook.variables.filter(\.required).map(\.name))
    pending = Set(derived.map(\.name)).subtracting(codebookNames)
  }

  /// Adds a derived variable (a name already taken keeps its first meaning).
  mutating func add(_ variable: DerivedVariable) {
    pending.remove(variable.name)
    if contents[variable.name] == nil { contents[variable.name] = content(of: variable) }
  }

  subscript(name: String) -> Content? { contents[name] }

  /// Whether every kept row has a value: a required codebook variable (nil for an unknown name).
  func isRequired(_ name: String) -> Bool? {
    contents[name] == nil ? nil : required.contains(name)
  }

  /// The multiple-response set an item belongs to.
  func setOwning(_ item: String) -> String? { sets[item] }

  /// nil when `name` fits `use`; otherwise why not, e.g. "'age' is numeric; a margin needs …".
  func problem(_ name: String, as use: Use, in context: String) -> String? {
    guard let content = contents[name] else {
      if pending.contains(name) {
        return "\(context): '\(name)' is a derived variable not computed yet here (consistency rules see the "
          + "codebook's variables; a derived variable those defined before it)"
      }
      return "\(context): '\(name)' is not a codebook variable, item or derived variable"
    }
    let fits: Bool
    switch (use, content) {
    case (.categories, .coded), (.numbers, .number), (.codesOrScores, .coded), (.codesOrScores, .number(.scale, _)):
      fits = true
    case (.analysis, .coded), (.analysis, .number), (.analysis, .multipleSet), (.analysis, .item):
      fits = true
    case (.answer, .coded), (.answer, .number), (.answer, .multipleSet), (.answer, .text):
      fits = true
    case (.clusterIDs, .coded), (.clusterIDs, .number), (.clusterIDs, .text), (.clusterIDs, .identifier):
      fits = true
    default:
      fits = false
    }
    guard fits else { return "\(context): '\(name)' is \(Self.describe(content)); \(context) needs \(use.requirement)" }
    if use == .categories, case .coded(let values, _) = content {
      if values.isEmpty { return "\(context): '\(name)' has no categories" }
      if let code = values.first(where: { !(0...PackedCodes.maxCode).contains($0.code) })?.code {
        return "\(context): '\(name)' has code \(code); the categories of \(context) are coded 0 to "
          + "\(PackedCodes.maxCode)"
      }
    }
    return nil
  }

  /// The codes a coded name takes (answers, then missing codes), nil for other names.
  func codes(of name: String) -> (values: [ValueLabel], missing: [ValueLabel])? {
    guard case .coded(let values, let missing)? = contents[name] else { return nil }
    return (values, missing)
  }

  private static func content(of variable: CodebookVariable) -> Content {
    switch variable.kind {
    case .single: return .coded(values: variable.values, missing: variable.missingCodes)
    case .scale, .numeric: return .number(variable.kind, range: variable.range)
    case .multiple: return .multipleSet
    case .identifier: return .identifier
    case .text: return .text
    case .personal: return .personal
    }
  }

  private func content(of variable: DerivedVariable) -> Content {
    guard case .cross(let names) = variable.rule else { return .coded(values: variable.values(), missing: []) }
    let lists = names.map { codes(of: $0)?.values ?? [] }
    // A crossing too large to enumerate is reported as such by the rules' check.
    guard DerivedVariable.categories(crossing: lists.map(\.count)) <= DerivedVariable.maxCrossCategories else {
      return .coded(values: [], missing: [])
    }
    return .coded(values: variable.values(crossed: lists), missing: [])
  }

  private static func describe(_ content: Content) -> String {
    switch content {
    case .coded: return "coded"
    case .number(let kind, _): return kind == .scale ? "a scale" : "numeric"
    case .multipleSet: return "a multiple-response set"
    case .item: return "an item of a multiple-response set"
    case .identifier: return "the respondent identifier"
    case .text: return "free text"
    case .personal: return "personal data, dropped at the clean stage"
    }
  }
}
