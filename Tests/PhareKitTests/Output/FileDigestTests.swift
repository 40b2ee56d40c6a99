import Foundation
import Testing

@testable import PhareKit

/// SHA-256 of files, as `sha256sum` prints it, across the block boundary of the streaming read.
@Suite struct FileDigestTests {
  @Test func knownDigests() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let abc = try folder.write("abc.txt", "abc")
    #expect(try FileDigest.sha256(of: abc) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    // One block (1 MiB) and five bytes more: byte i is (7 i + 3) mod 256 (digest from Python's hashlib).
    let bytes = (0..<(FileDigest.blockSize + 5)).map { UInt8((7 * $0 + 3) % 256) }
    let large = folder.path + "/large.bin"
    try Data(bytes).write(to: URL(fileURLWithPath: large))
    #expect(try FileDigest.sha256(of: large) == "925197be3ab2011bae3afd2c8bd521a918aaf9971c56aaabaa6a5b4bdd57043a")
  }

  @Test func aMissingFileIsNamed() {
    #expect(throws: FileReadError(path: "/nonexistent/x.csv", reason: "no such file or no permission")) {
      try FileDigest.sha256(of: "/nonexistent/x.csv")
    }
  }
}
