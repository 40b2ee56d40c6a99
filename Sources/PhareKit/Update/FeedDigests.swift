import Foundation

/// The SHA-256 of each feed the index lists (`<out>/index-digests.json`), with the identity —
/// size, modification time to the nanosecond, inode — of the file it was computed from: a feed
/// whose identity has not changed is not read again, so an unchanged rerun hashes nothing (33 MB
/// of feeds for the bundled job). Outputs are replaced by renaming a new file over them, which
/// changes the inode and the modification time.
struct FeedDigests: Codable, Equatable {
  struct Entry: Codable, Equatable {
    var identity: String
    var sha256: String
  }

  static let fileName = "index-digests.json"

  /// By path relative to the output folder.
  var files: [String: Entry] = [:]

  /// The digests last written in `out`, or none when there are none or they cannot be read.
  static func load(in out: String) -> FeedDigests {
    guard let data = FileManager.default.contents(atPath: out + "/" + fileName),
      let digests = try? JSONDecoder().decode(FeedDigests.self, from: data)
    else { return FeedDigests() }
    return digests
  }

  /// The feed at `path` (relative to `out`), hashed unless `known` has it at its present identity,
  /// and recorded here; nil when there is no such file.
  mutating func file(_ path: String, in out: String, known: FeedDigests) throws -> FeedIndex.File? {
    var status = stat()
    guard stat(out + "/" + path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    let identity = "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
    let entry =
      try known.files[path].flatMap { $0.identity == identity ? $0 : nil }
      ?? Entry(identity: identity, sha256: FileDigest.sha256(of: out + "/" + path))
    files[path] = entry
    return FeedIndex.File(path: path, bytes: Int(status.st_size), sha256: entry.sha256)
  }

  /// Writes the digests into `out`.
  func write(in out: String) throws {
    try AtomicFile.write(try JSONText.encode(self), to: out + "/" + Self.fileName)
  }
}
