import Foundation

/// Large blocks of column memory freed during a wave, handed to the columns allocated next
/// instead of going back to the system: the clean stage's columns take the pages the export's
/// columns were parsed into, already faulted in, where fresh ones would cost the kernel a fault
/// and a zeroing each (70,000 of them at a million rows).
///
/// Blocks of at least `pooledFrom` bytes wait here, up to `poolLimit` bytes in all, until a
/// request they fit (no more than twice its size) or `trim`.
enum ColumnMemory {
  /// The smallest block kept (smaller ones are malloc's business).
  static let pooledFrom = 1 << 20
  /// The most memory kept waiting.
  static let poolLimit = 512 << 20

  private static let pool = Pool()

  /// `bytes` of memory from `malloc` (to be freed with `release`), a freed block when one fits.
  static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
    if bytes >= pooledFrom, let block = pool.take(fitting: bytes) { return block }
    guard let memory = malloc(Swift.max(bytes, 1)) else { fatalError("out of memory for a column of \(bytes) bytes") }
    return memory
  }

  /// Frees `bytes` of memory from `malloc`, `realloc` or `allocate`, keeping it for the next
  /// `allocate` when large.
  static func release(_ memory: UnsafeMutableRawPointer?, bytes: Int) {
    guard let memory else { return }
    if bytes < pooledFrom || !pool.keep(memory, size: bytes) { free(memory) }
  }

  /// Gives every block kept back to the system.
  static func trim() {
    for block in pool.takeAll() { free(block) }
  }

  /// The blocks kept, each taken by the smallest request it fits.
  final class Pool: @unchecked Sendable {
    private let lock = NSLock()
    private var blocks: [(memory: UnsafeMutableRawPointer, size: Int)] = []
    private var total = 0
    private let limit: Int

    init(limit: Int = ColumnMemory.poolLimit) {
      self.limit = limit
    }

    /// The smallest block of `bytes` to twice as many, taken out of the pool.
    func take(fitting bytes: Int) -> UnsafeMutableRawPointer? {
      lock.withLock {
        let fitting = blocks.indices.filter { blocks[$0].size >= bytes && blocks[$0].size <= 2 * bytes }
        guard let best = fitting.min(by: { blocks[$0].size < blocks[$1].size }) else { return nil }
        total -= blocks[best].size
        return blocks.remove(at: best).memory
      }
    }

    /// Keeps a block of `size` bytes, unless the pool would then hold more than its limit.
    func keep(_ memory: UnsafeMutableRawPointer, size: Int) -> Bool {
      lock.withLock {
        guard total + size <= limit else { return false }
        blocks.append((memory, size))
        total += size
        return true
      }
    }

    /// Every block kept, the pool left empty.
    func takeAll() -> [UnsafeMutableRawPointer] {
      lock.withLock {
        defer { (blocks, total) = ([], 0) }
        return blocks.map(\.memory)
      }
    }
  }
}
