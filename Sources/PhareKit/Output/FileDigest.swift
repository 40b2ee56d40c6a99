import Crypto
import Foundation
import Glibc

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
    // One block's memory for the whole file: `FileHandle.read(upToCount:)` allocates each block.
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
    defer { block.deallocate() }
    var hasher = SHA256()
    while true {
      let count = read(handle.fileDescriptor, block.baseAddress, blockSize)
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw FileReadError(path: path, reason: String(cString: strerror(errno))) }
      guard count > 0 else { break }
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: block[..<count]))
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
