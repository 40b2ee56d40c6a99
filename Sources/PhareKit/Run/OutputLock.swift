import Foundation

/// An exclusive lock on an output folder, so that two `phare run` (two cron jobs overlapping)
/// never write the same outputs. The kernel's `flock` holds it: it is released when the holder
/// exits or is killed, so a lock file left by a dead process is stale and simply taken over.
public final class OutputLock {
  /// The lock file, `<folder>/.phare.lock`; it holds the holder's pid and start time.
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

  /// Takes the lock or throws `Held` at once (never waits).
  public init(folder: String) throws {
    path = folder + "/.phare.lock"
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw FileWriteError(path: folder, reason: "the output folder cannot be created")
    }
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
