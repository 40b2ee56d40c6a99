import TestSupport

@testable import PhareKit

extension Codebook {
  /// The codebook of YAML `text`, written as `codebook.yml` in `folder`.
  static func load(text: String, in folder: TemporaryFolder) throws -> Codebook {
    try load(file: try folder.write("codebook.yml", text))
  }
}
