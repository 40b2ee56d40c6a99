import Foundation
import Testing

@testable import PhareKit

@Suite struct BackgroundValueTests {
  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() -> Int {
      lock.withLock {
        count += 1; return count
      }
    }
    var value: Int { lock.withLock { count } }
  }

  /// Asked from many threads at once, some before any thread of the pool has started it, the value
  /// is computed once and every asker gets it.
  @Test func theValueIsComputedOnceWhoeverAsksFirst() {
    for _ in 0..<50 {
      let runs = Counter()
      let background = BackgroundValue { runs.increment() * 7 }
      let values = AtOnce.map(8) { _ in background.value }
      #expect(values == Array(repeating: 7, count: 8))
      #expect(runs.value == 1)
      #expect(background.hasStarted)
    }
  }
}
