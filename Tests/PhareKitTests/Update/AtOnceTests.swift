import Foundation
import Synchronization
import Testing

@testable import PhareKit

/// Pieces run at once give their results in their own order, the first error in that order is
/// thrown, and large exports run one piece at a time.
@Suite struct AtOnceTests {
  private struct Failure: Error, Equatable { let index: Int }

  @Test func resultsComeInOrderAndTheFirstFailureInOrderIsThrown() throws {
    let squares = AtOnce.map(100, exportBytes: 0) { index in index * index }
    #expect(squares == (0..<100).map { $0 * $0 })
    #expect(throws: Failure(index: 3)) {
      try AtOnce.map(10, exportBytes: 0) { index in
        if index == 3 || index == 7 { throw Failure(index: index) }
        return index
      }
    }
  }

  /// How many pieces run at a time, at most.
  private final class Overlap: Sendable {
    private let running = Atomic<Int>(0)
    let most = Atomic<Int>(0)

    func piece(_ index: Int) -> Int {
      let now = running.add(1, ordering: .sequentiallyConsistent).newValue
      _ = most.max(now, ordering: .sequentiallyConsistent)
      usleep(2_000)
      running.subtract(1, ordering: .sequentiallyConsistent)
      return index
    }
  }

  @Test func piecesOfLargeExportsRunOneAtATime() {
    let overlap = Overlap()
    let results = AtOnce.map(8, exportBytes: AtOnce.limit + 1) { overlap.piece($0) }
    #expect(results == Array(0..<8))
    #expect(overlap.most.load(ordering: .sequentiallyConsistent) == 1)
  }
}
