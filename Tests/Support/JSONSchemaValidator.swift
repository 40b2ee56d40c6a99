import Foundation

/// Validates JSON documents against a JSON Schema (draft 2020-12) using only the keywords phare's
/// schemas use: type, required, properties, additionalProperties, items, enum, const, pattern,
/// minimum, maximum, $ref (within the schema) and $defs. A schema using any other keyword is
/// refused when loaded, so that no constraint is silently skipped. In strict mode an object
/// schema that declares `properties` and says nothing of `additionalProperties` also refuses
/// keys it does not declare: phare's schemas let readers meet unknown keys, while phare's own
/// outputs are tested strictly, so that phare emits nothing undocumented.
public struct JSONSchemaValidator {
  /// Why a schema cannot be used: a keyword this validator does not implement, or a `$ref` it cannot resolve.
  public struct UnsupportedSchema: Error, Equatable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
  }

  private static let annotations: Set = ["$schema", "$id", "$comment", "title", "description"]
  private static let keywords: Set = [
    "type", "required", "properties", "additionalProperties", "items", "enum", "const", "pattern", "minimum",
    "maximum", "$ref", "$defs", "anyOf",
  ]

  let root: JSONValue
  /// Refuse keys an object schema does not declare (where it has no `additionalProperties`).
  public let strict: Bool

  public init(schema: JSONValue, strict: Bool = false) throws {
    root = schema
    self.strict = strict
    var problems: [String] = []
    check(schema, at: "#", problems: &problems)
    guard problems.isEmpty else { throw UnsupportedSchema(problems: problems) }
  }

  /// The schema committed at `Schemas/feed.schema.json`, strict by default (phare's outputs are checked so).
  public static func feed(strict: Bool = true) throws -> JSONSchemaValidator {
    try committed("feed.schema.json", strict: strict)
  }

  /// The schema committed at `Schemas/matrix-feed.schema.json`, strict by default.
  public static func matrixFeed(strict: Bool = true) throws -> JSONSchemaValidator {
    try committed("matrix-feed.schema.json", strict: strict)
  }

  /// The schema committed at `Schemas/index.schema.json`, strict by default.
  public static func index(strict: Bool = true) throws -> JSONSchemaValidator {
    try committed("index.schema.json", strict: strict)
  }

  private static func committed(_ name: String, strict: Bool) throws -> JSONSchemaValidator {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return try JSONSchemaValidator(schema: try JSONValue.load(path + "/Schemas/" + name), strict: strict)
  }

  /// Every violation as `<path>: <problem>`, the path written `$.key[index]`; empty when valid.
  public func errors(_ instance: JSONValue) -> [String] {
    var errors: [String] = []
    validate(instance, root, at: "$", errors: &errors)
    return errors
  }

  private func check(_ schema: JSONValue, at location: String, problems: inout [String]) {
    guard case .object(let members) = schema else {
      if case .bool = schema { return }
      problems.append("\(location): a schema is an object or a boolean")
      return
    }
    for key in members.keys.sorted() where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
      problems.append("\(location): unsupported keyword '\(key)'")
    }
    if case .string(let reference)? = members["$ref"], resolve(reference) == nil {
      problems.append("\(location): cannot resolve $ref '\(reference)'")
    }
    if case .string(let pattern)? = members["pattern"], (try? Regex(pattern)) == nil {
      problems.append("\(location): pattern '\(pattern)' is not a regular expression")
    }
    for container in ["properties", "$defs"] {
      if case .object(let schemas)? = members[container] {
        for (name, subschema) in schemas {
          check(subschema, at: "\(location)/\(container)/\(name)", problems: &problems)
        }
      }
    }
    for key in ["items", "additionalProperties"] {
      if let subschema = members[key] { check(subschema, at: "\(location)/\(key)", problems: &problems) }
    }
    if case .array(let branches)? = members["anyOf"] {
      for (index, branch) in branches.enumerated() {
        check(branch, at: "\(location)/anyOf/\(index)", problems: &problems)
      }
    }
  }

  /// A JSON pointer within the schema: `#` or `#/$defs/name`.
  private func resolve(_ reference: String) -> JSONValue? {
    guard reference.hasPrefix("#") else { return nil }
    var node = root
    for token in reference.dropFirst().split(separator: "/") {
      let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
      guard let next = node[key] else { return nil }
      node = next
    }
    return node
  }

  private func validate(_ instance: JSONValue, _ schema: JSONValue, at path: String, errors: inout [String]) {
    if case .bool(let allowed) = schema {
      if !allowed { errors.append("\(path): no value is allowed here") }
      return
    }
    if case .string(let reference)? = schema["$ref"], let target = resolve(reference) {
      validate(instance, target, at: path, errors: &errors)
    }
    if case .array(let branches)? = schema["anyOf"] {
      let failures = branches.map { branch -> [String] in
        var branchErrors: [String] = []
        validate(instance, branch, at: path, errors: &branchErrors)
        return branchErrors
      }
      if !failures.contains(where: \.isEmpty) {
        errors.append("\(path): matches none of anyOf (\(failures.flatMap { $0 }.joined(separator: "; ")))")
      }
    }
    if let type = schema["type"] {
      let allowed: [String]
      switch type {
      case .array(let names): allowed = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
      case .string(let name): allowed = [name]
      default: allowed = []
      }
      let actual = instance.typeName
      let matches = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
      if !matches {
        errors.append("\(path): expected \(allowed.joined(separator: " or ")), found \(actual) \(instance)")
        return
      }
    }
    if case .array(let choices)? = schema["enum"], !choices.contains(instance) {
      errors.append("\(path): \(instance) is not one of \(JSONValue.array(choices))")
    }
    if let constant = schema["const"], constant != instance {
      errors.append("\(path): \(instance) is not \(constant)")
    }
    switch instance {
    case .string(let text):
      if case .string(let pattern)? = schema["pattern"], let regex = try? Regex(pattern),
        text.firstMatch(of: regex) == nil
      {
        errors.append("\(path): \(instance) does not match \(pattern)")
      }
    case .number(let value):
      if case .number(let minimum)? = schema["minimum"], value < minimum {
        errors.append("\(path): \(instance) is below the minimum \(JSONValue.number(minimum))")
      }
      if case .number(let maximum)? = schema["maximum"], value > maximum {
        errors.append("\(path): \(instance) is above the maximum \(JSONValue.number(maximum))")
      }
    case .array(let items):
      if let itemSchema = schema["items"] {
        for (index, item) in items.enumerated() { validate(item, itemSchema, at: "\(path)[\(index)]", errors: &errors) }
      }
    case .object(let members):
      validateObject(members, schema, at: path, errors: &errors)
    case .null, .bool:
      break
    }
  }

  private func validateObject(
    _ members: [String: JSONValue], _ schema: JSONValue, at path: String, errors: inout [String]
  ) {
    if case .array(let required)? = schema["required"] {
      for case .string(let key) in required where members[key] == nil {
        errors.append("\(path): missing required key '\(key)'")
      }
    }
    var properties: [String: JSONValue] = [:]
    if case .object(let declared)? = schema["properties"] { properties = declared }
    for key in members.keys.sorted() {
      if let property = properties[key] {
        validate(members[key]!, property, at: "\(path).\(key)", errors: &errors)
      } else if case .bool(false)? = schema["additionalProperties"] {
        errors.append("\(path): key '\(key)' is not allowed")
      } else if let additional = schema["additionalProperties"] {
        validate(members[key]!, additional, at: "\(path).\(key)", errors: &errors)
      } else if strict, schema["properties"] != nil {
        errors.append("\(path): key '\(key)' is not declared by the schema")
      }
    }
  }
}
