import TestSupport
import Testing

/// The test-side JSON Schema validator rejects what the feed schema forbids, with the path of the fault.
@Suite struct JSONSchemaValidatorTests {
  /// A smallest valid feed: one region, one domain, one indicator with a national and a regional value.
  private static let feed = """
    {
      "schema_version": "2.0.0", "generated_at": "2025-06-01T08:30:00Z", "phare_version": "0.1.0",
      "pipeline": "citoyens.yml", "survey": "citoyens", "actor": "citoyens", "wave": "2025", "title": "Citoyens",
      "confidence_level": 0.95,
      "regions": [{"id": "01", "label": "Guadeloupe"}],
      "domains": [{"id": "niveau-de-vie", "code": 3, "label": "Niveau de vie"}],
      "indicators": [{
        "id": "citoyens.q4.1.proportion", "variable": "q4", "variable_label": "Q4", "category": "1",
        "category_label": "Oui", "statistic": "proportion", "unit": "proportion", "domain": "niveau-de-vie",
        "values": [
          {"breakdown": "national", "breakdown_value": null, "breakdown_label": "Ensemble", "estimate": 0.415,
           "percent": 41.5, "se": 0.021, "ci_lower": 0.374, "ci_upper": 0.457, "n": 1002, "weighted_n": 1000.0, "flags": [], "series": null},
          {"breakdown": "region", "breakdown_value": "01", "breakdown_label": "Guadeloupe", "estimate": null,
           "percent": null, "se": null, "ci_lower": null, "ci_upper": null, "n": 4, "weighted_n": 3.5,
           "flags": ["low-base", "suppressed"], "series": null}
        ]
      }],
      "not_asked": [{"wave":"2025", "variables": ["q9"]}]
    }
    """

  /// The errors for the feed above with one text replaced, in strict mode (as phare's outputs are checked) or not
  /// (as readers may validate).
  private func errors(replacing old: String, with new: String, strict: Bool = true) throws -> [String] {
    #expect(Self.feed.contains(old))
    return try JSONSchemaValidator.feed(strict: strict).errors(
      JSONValue.parse(Self.feed.replacingOccurrences(of: old, with: new)))
  }

  @Test func theSmallestFeedIsValid() throws {
    #expect(try JSONSchemaValidator.feed().errors(JSONValue.parse(Self.feed)) == [])
  }

  @Test func aMissingRequiredKeyIsRejected() throws {
    #expect(
      try errors(replacing: "\"unit\": \"proportion\",", with: "")
        == ["$.indicators[0]: missing required key 'unit'"])
    #expect(
      try errors(replacing: "\"schema_version\": \"2.0.0\",", with: "") == ["$: missing required key 'schema_version'"])
  }

  @Test func aWrongTypeIsRejected() throws {
    #expect(
      try errors(replacing: "\"n\": 1002", with: "\"n\": \"1002\"")
        == ["$.indicators[0].values[0].n: expected integer, found string \"1002\""])
    #expect(
      try errors(replacing: "\"n\": 1002", with: "\"n\": 1002.5")
        == ["$.indicators[0].values[0].n: expected integer, found number 1002.5"])
    #expect(
      try errors(replacing: "\"estimate\": 0.415", with: "\"estimate\": true")
        == ["$.indicators[0].values[0].estimate: expected number or null, found boolean true"])
    #expect(
      try errors(replacing: "[{\"id\": \"01\", \"label\": \"Guadeloupe\"}]", with: "{\"id\": \"01\"}")
        == ["$.regions: expected array, found object {\"id\":\"01\"}"])
  }

  @Test func anUndeclaredKeyIsRejectedAtEveryLevelInStrictModeOnly() throws {
    #expect(
      try errors(replacing: "\"wave\": \"2025\"", with: "\"wave\": \"2025\", \"vague\": 1") == [
        "$: key 'vague' is not declared by the schema"
      ])
    #expect(
      try errors(replacing: "\"weighted_n\": 3.5", with: "\"weighted_n\": 3.5, \"deff\": 1.2")
        == ["$.indicators[0].values[1]: key 'deff' is not declared by the schema"])
    // The published contract: a reader validating a later 2.x feed meets keys it does not know.
    #expect(
      try errors(replacing: "\"wave\": \"2025\"", with: "\"wave\": \"2025\", \"vague\": 1", strict: false) == [])
    #expect(
      try errors(replacing: "\"weighted_n\": 3.5", with: "\"weighted_n\": 3.5, \"deff\": 1.2", strict: false)
        == [])
    // A declared key is checked all the same.
    #expect(
      try errors(replacing: "\"n\": 4", with: "\"n\": -4", strict: false) == [
        "$.indicators[0].values[1].n: -4 is below the minimum 0"
      ])
  }

  @Test func theSchemaVersionIsCheckedByItsMajorPart() throws {
    for version in ["2.0.0", "2.1.0", "2.13.4"] {
      #expect(try errors(replacing: "\"schema_version\": \"2.0.0\"", with: "\"schema_version\": \"\(version)\"") == [])
    }
    for version in ["1.4.0", "3.0.0", "12.0.0", "2.0"] {
      #expect(
        try errors(
          replacing: "\"schema_version\": \"2.0.0\"", with: "\"schema_version\": \"\(version)\"", strict: false)
          == ["$.schema_version: \"\(version)\" does not match ^2\\.[0-9]+\\.[0-9]+$"])
    }
  }

  @Test func aValueOutsideTheEnumIsRejected() throws {
    #expect(
      try errors(replacing: "\"unit\": \"proportion\"", with: "\"unit\": \"percent\"")
        == ["$.indicators[0].unit: \"percent\" is not one of [\"proportion\",\"score\",\"count\"]"])
    #expect(
      try errors(replacing: "[\"low-base\", \"suppressed\"]", with: "[\"low-base\", \"masked\"]")
        .first?.hasPrefix("$.indicators[0].values[1].flags[1]: \"masked\" is not one of") == true)
  }

  @Test func aStringNotMatchingItsPatternIsRejected() throws {
    #expect(
      try errors(replacing: "{\"id\": \"01\"", with: "{\"id\": \"1\"")
        == ["$.regions[0].id: \"1\" does not match ^[0-9]{2,3}$"])
    #expect(
      try errors(replacing: "citoyens.q4.1.proportion", with: "citoyens.q4.1")
        == [
          "$.indicators[0].id: \"citoyens.q4.1\" does not match "
            + "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(\\.-?[0-9]+)?\\.(mean|proportion|total)$"
        ])
    #expect(
      try errors(replacing: "\"generated_at\": \"2025-06-01T08:30:00Z\"", with: "\"generated_at\": \"2025-06-01\"")
        .count == 1)
  }

  @Test func constMinimumAndMaximumAreEnforced() throws {
    let constant = try JSONSchemaValidator(schema: JSONValue.parse("{\"const\": \"1.4.0\"}"))
    #expect(constant.errors(.string("2.0.0")) == ["$: \"2.0.0\" is not \"1.4.0\""])
    #expect(
      try errors(replacing: "\"confidence_level\": 0.95", with: "\"confidence_level\": 1.5")
        == ["$.confidence_level: 1.5 is above the maximum 1"])
    #expect(
      try errors(replacing: "\"n\": 4", with: "\"n\": -1") == ["$.indicators[0].values[1].n: -1 is below the minimum 0"]
    )
    #expect(
      try errors(replacing: "\"code\": 3", with: "\"code\": 0") == ["$.domains[0].code: 0 is below the minimum 1"])
  }

  @Test func schemasUsingUnsupportedKeywordsOrDanglingReferencesAreRefused() throws {
    let schema = try JSONValue.parse(
      """
      {"type": "object", "properties": {"a": {"type": "string", "minLength": 2}, "b": {"$ref": "#/$defs/nowhere"}}}
      """)
    #expect(throws: JSONSchemaValidator.UnsupportedSchema.self) { try JSONSchemaValidator(schema: schema) }
    do {
      _ = try JSONSchemaValidator(schema: schema)
    } catch let error as JSONSchemaValidator.UnsupportedSchema {
      #expect(
        error.problems.sorted() == [
          "#/properties/a: unsupported keyword 'minLength'", "#/properties/b: cannot resolve $ref '#/$defs/nowhere'",
        ])
    }
  }

  @Test func additionalPropertiesMayBeASchemaAndFalseSchemasRejectEverything() throws {
    let validator = try JSONSchemaValidator(
      schema: JSONValue.parse(
        """
        {"type": "object", "properties": {"never": false}, "additionalProperties": {"type": "integer"}}
        """))
    #expect(validator.errors(try JSONValue.parse("{\"x\": 1, \"y\": 2}")) == [])
    #expect(
      validator.errors(try JSONValue.parse("{\"x\": \"1\", \"never\": 0}")) == [
        "$.never: no value is allowed here", "$.x: expected integer, found string \"1\"",
      ])
  }
}

/// `anyOf`, which the matrix feed uses for a cell value that is null or a value object.
@Suite struct JSONSchemaAnyOfTests {
  private let schema = """
    {"anyOf": [{"type": "null"}, {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}]}
    """

  @Test func anyBranchMayMatch() throws {
    let validator = try JSONSchemaValidator(schema: JSONValue.parse(schema))
    #expect(validator.errors(try JSONValue.parse("null")) == [])
    #expect(validator.errors(try JSONValue.parse("{\"n\": 3}")) == [])
    #expect(
      validator.errors(try JSONValue.parse("{\"n\": \"3\"}")) == [
        "$: matches none of anyOf ($: expected null, found object {\"n\":\"3\"}; $.n: expected integer, found string \"3\")"
      ])
  }
}
