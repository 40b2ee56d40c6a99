/// Copies of arrays in memory that does not move or count references, freed together when the
/// last owner lets go: for plain values that point into them (`UnsafeBufferPointer`s), which
/// threads can copy freely, where copying an array would count a reference shared by every thread.
final class PinnedBuffers: @unchecked Sendable {
  private var releases: [() -> Void] = []

  init() {}

  /// A copy of `elements`, valid while this object lives.
  func pin<Element>(_ elements: [Element]) -> UnsafeBufferPointer<Element> {
    let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
    _ = buffer.initialize(from: elements)
    releases.append {
      _ = buffer.deinitialize()
      buffer.deallocate()
    }
    return UnsafeBufferPointer(buffer)
  }

  deinit {
    for release in releases { release() }
  }
}
