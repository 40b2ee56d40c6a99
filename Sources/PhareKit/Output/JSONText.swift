import Foundation

/// How phare writes a JSON output (feeds, manifests): indented, keys sorted, slashes left as they
/// are, a final line break; so two runs on the same inputs write the same bytes.
enum JSONText {
  static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }
}
