import Foundation

extension AtomicFile {
  /// Writes `csv` atomically, part by part: the parts are formatted on every core at once and
  /// each is written as soon as the ones before it are, so memory holds a few parts, not the file.
  /// Returns the file's size in bytes.
  /// - Throws: `FileWriteError` naming `path` and the system's reason.
  static func write(_ csv: PartitionedCSV, to path: String) throws -> Int {
    try replacing(path) { descriptor in
      try writeAll(csv.header, to: descriptor, path: path)
      let turns = PartTurns()
      DispatchQueue.concurrentPerform(iterations: csv.partCount) { index in
        let bytes = turns.failed ? [] : csv.part(index)
        turns.waitForTurn(of: index)
        if !turns.failed {
          do { try writeAll(bytes, to: descriptor, path: path) } catch { turns.fail(error) }
        }
        turns.finish(index, bytes: bytes.count)
      }
      if let error = turns.error { throw error }
      return csv.header.count + turns.written
    }
  }
}

/// Whose turn it is to write among the parts of a `PartitionedCSV` being formatted at once, the
/// bytes written so far, and the first error. Parts are handed to threads in increasing order,
/// so the part whose turn it is is always running: waiting for it cannot deadlock.
private final class PartTurns: @unchecked Sendable {
  private let condition = NSCondition()
  private var next = 0
  private(set) var written = 0
  private(set) var error: (any Error)?

  var failed: Bool {
    condition.lock()
    defer { condition.unlock() }
    return error != nil
  }

  func waitForTurn(of index: Int) {
    condition.lock()
    while next != index { condition.wait() }
    condition.unlock()
  }

  func finish(_ index: Int, bytes: Int) {
    condition.lock()
    next = index + 1
    written += bytes
    condition.broadcast()
    condition.unlock()
  }

  func fail(_ error: any Error) {
    condition.lock()
    if self.error == nil { self.error = error }
    condition.unlock()
  }
}
