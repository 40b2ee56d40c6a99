import Foundation

/// An exclusive lock on an output folder or a run registry, so that two `phare run` (two cron
/// jobs overlapping) never write the same outputs or records. The kernel's `flock` holds it: it is released when the holder
/// exits or is killed, so a lock file left by a dead process is stale and simply taken over.
public final class OutputLock {
  /// The lock file, `<folder>/.phare.lock` or `<registry>.lock`; it holds the holder's pid and start time.
  public let path: String
  private let descriptor: Int32
  /// The pid a previous holder wrote, when it died without releasing: the lock was taken over.
  public let takenOverFrom: Int32?

  /// Someone else holds the lock: their pid and since when, as they wrote them.
  public struct Held: Error, CustomStringConvertible {
    public var path: String
    public var holder: String

    public var description: String { "\(path) is locked by another phare run (\(holder))" }
  }

  /// Takes the lock of an output folder (creating it) or throws `Held` at once (never waits).
  public convenience init(folder: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw FileWriteError(path: folder, reason: "the output folder cannot be created")
    }
    try self.init(file: folder + "/.phare.lock")
  }

  /// Takes the lock of a run registry, `<registry>.lock` beside it, or throws `Held` at once:
  /// two runs writing different output folders may share one registry.
  public convenience init(registry: String) throws {
    let folder = (registry as NSString).deletingLastPathComponent
    if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    try self.init(file: registry + ".lock")
  }

  private init(file: String) throws {
    path = file
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
    }
    let previous = Self.contents(descriptor)
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let reason = errno
      close(descriptor)
      if reason == EWOULDBLOCK { throw Held(path: path, holder: previous.isEmpty ? "unknown holder" : previous) }
      throw FileWriteError(path: path, reason: String(cString: strerror(reason)))
    }
    takenOverFrom = previous.split(separator: " ").first.flatMap { Int32($0.dropFirst("pid=".count)) }
    let stamp = "pid=\(getpid()) since \(Date().formatted(.iso8601))\n"
    ftruncate(descriptor, 0)
    _ = stamp.withCString { pwrite(descriptor, $0, strlen($0), 0) }
  }

  /// Releases the lock and empties the file, so the next holder sees no stale pid.
  public func release() {
    ftruncate(descriptor, 0)
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  private static func contents(_ descriptor: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = pread(descriptor, &buffer, buffer.count, 0)
    guard count > 0 else { return "" }
    return String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
