import Crypto
import Foundation

/// SHA-256 of a file's bytes, read in blocks: what manifests record so a run can be traced to
/// (and a rerun compared with) the exact inputs and specs it read.
public enum FileDigest {
  static let blockSize = 1 << 20

  /// The lowercase hex SHA-256 of the file's content.
  public static func sha256(of path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw FileReadError(path: path, reason: "no such file or no permission")
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let block = try handle.read(upToCount: blockSize), !block.isEmpty {
      hasher.update(data: block)
    }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }
}

extension FileDigest {
  /// The lowercase hex SHA-256 of a text's UTF-8 bytes.
  public static func sha256(text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
  }
}
