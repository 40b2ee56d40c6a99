import Foundation

/// Runs independent pieces of a run (pipelines, waves) on every core at once when their exports
/// are small, one at a time otherwise, and returns their results in their own order.
///
/// Pieces at once hold their waves in memory at once (about 4 bytes of memory a byte of export):
/// `exportBytes` above `limit` runs them one after the other, so a large wave never has company.
enum AtOnce {
  /// Exports (in bytes, all pieces together) up to which pieces run at once: about 1 GB of memory.
  static let limit = 256 << 20

  /// `body` of each index of `0..<count`, at once when `exportBytes` is at most `limit`.
  static func map<Result>(_ count: Int, exportBytes: Int, _ body: @Sendable (Int) throws -> Result) rethrows
    -> [Result]
  {
    guard exportBytes <= limit else { return try (0..<count).map(body) }
    return try map(count, body)
  }

  /// `body` of each index of `0..<count`, on every core at once; the results in index order, or
  /// the first error in that order.
  static func map<Result>(_ count: Int, _ body: @Sendable (Int) throws -> Result) rethrows -> [Result] {
    guard count > 1 else { return try (0..<count).map(body) }
    let results = OrderedResults<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      results.store(Swift.Result { try body(index) }, at: index)
    }
    return try results.all.map { try $0.get() }
  }

  /// The bytes of the files at `paths` (0 for one that cannot be read).
  static func bytes(of paths: [String]) -> Int {
    paths.reduce(0) { total, path in
      total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
    }
  }
}

/// The results of pieces run at once, each stored by the thread that ran it.
private final class OrderedResults<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<Value, any Error>?]

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func store(_ result: Result<Value, any Error>, at index: Int) {
    lock.withLock { slots[index] = result }
  }

  var all: [Result<Value, any Error>] { lock.withLock { slots.map { $0! } } }
}
