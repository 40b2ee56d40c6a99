import Foundation

/// Writes a file so that readers see either the old content or the new, never a part:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
enum AtomicFile {
  static func write(_ text: String, to path: String) throws {
    try write(Array(text.utf8), to: path)
  }

  static func write(_ bytes: [UInt8], to path: String) throws {
    // Written from the array's own memory: a copy of a large table would double its peak.
    try replacing(path) { descriptor in try writeAll(bytes, to: descriptor, path: path) }
  }

  /// Opens a temporary file beside `path` (its folder created as needed), lets `body` write to its
  /// descriptor, then closes it and renames it over `path`; the temporary file is removed on failure.
  /// - Throws: `FileWriteError` naming `path` and the system's reason, or what `body` throws.
  static func replacing<Result>(_ path: String, _ body: (Int32) throws -> Result) throws -> Result {
    try replacing(path: path) { temporary in
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
      guard descriptor >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
      let result: Result
      do {
        result = try body(descriptor)
      } catch {
        close(descriptor)
        throw error
      }
      guard close(descriptor) == 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
      return result
    }
  }

  /// Lets `body` write a temporary file beside `path` by its path (for a library that opens the
  /// file itself), then renames it over `path`; the temporary file is removed on failure.
  /// - Throws: `FileWriteError` naming `path` and the system's reason, or what `body` throws.
  static func replacing<Result>(path: String, _ body: (String) throws -> Result) throws -> Result {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
    do {
      let result = try body(temporary.path)
      guard rename(temporary.path, path) == 0 else {
        throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
      }
      return result
    } catch {
      unlink(temporary.path)
      throw error
    }
  }

  /// Writes every byte of `bytes` to `descriptor`, the file being written for `path`, retrying
  /// short writes and interruptions.
  /// - Throws: `FileWriteError` naming `path` and the system's reason.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
    try bytes.withUnsafeBytes { try writeAll($0, to: descriptor, path: path) }
  }

  static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
    var offset = 0
    while offset < buffer.count {
      let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
      }
      offset += count
    }
  }

}
