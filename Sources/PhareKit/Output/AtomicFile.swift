import Foundation

/// Writes a file so that readers see either the old content or the new, never a part:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
enum AtomicFile {
  static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }

  static func write(_ bytes: [UInt8], to path: String) throws {
    // Written from the array's own memory: a copy of a large clean table would double its peak.
    var bytes = bytes
    try bytes.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return try write(Data(), to: path) }
      try write(Data(bytesNoCopy: base, count: buffer.count, deallocator: .none), to: path)
    }
  }

  static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
    do {
      try data.write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
      }
    } catch let error as FileWriteError {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw FileWriteError(path: path, reason: error.localizedDescription)
    }
  }
}
