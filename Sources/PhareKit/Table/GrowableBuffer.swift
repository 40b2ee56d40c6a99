import Glibc

/// Raw, growable memory a column builder appends to from libcsv's callbacks: no
/// copy-on-write check and no reference counting on the hot path. Growth uses `realloc`,
/// which moves large blocks by remapping pages rather than copying them.
struct GrowableBuffer<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>?
  private(set) var count = 0
  private(set) var capacity = 0

  @inline(__always)
  mutating func append(_ element: Element) {
    if count == capacity { grow(to: Swift.max(16, capacity * 2)) }
    base.unsafelyUnwrapped[count] = element
    count += 1
  }

  /// Appends the bytes of `bytes` (a buffer of bytes).
  mutating func append(contentsOf bytes: UnsafeRawBufferPointer) where Element == UInt8 {
    guard !bytes.isEmpty else { return }
    if count + bytes.count > capacity { grow(to: Swift.max(16, capacity * 2, count + bytes.count)) }
    memcpy(base.unsafelyUnwrapped + count, bytes.baseAddress!, bytes.count)
    count += bytes.count
  }

  /// Appends the elements of `other`.
  mutating func append(contentsOf other: GrowableBuffer) {
    guard other.count > 0 else { return }
    reserve(count + other.count)
    (base.unsafelyUnwrapped + count).update(from: other.base.unsafelyUnwrapped, count: other.count)
    count += other.count
  }

  /// Appends `extra` elements of zero bits.
  mutating func appendZeros(_ extra: Int) {
    reserve(count + extra)
    memset(base.unsafelyUnwrapped + count, 0, extra * MemoryLayout<Element>.stride)
    count += extra
  }

  /// Makes room for `minimum` elements; the memory is faulted in at once (one system call
  /// instead of one page fault per 4 KiB as values arrive), where the kernel supports it.
  mutating func reserve(_ minimum: Int) {
    guard minimum > capacity else { return }
    grow(to: minimum)
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (Int(bitPattern: base.unsafelyUnwrapped + count) + page - 1) / page * page
    let end = Int(bitPattern: base.unsafelyUnwrapped + capacity) / page * page
    if end - start >= 1 << 20 {
      _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, 23)  // MADV_POPULATE_WRITE (Linux 5.14)
    }
  }

  mutating func truncate(to newCount: Int) {
    count = Swift.min(count, newCount)
  }

  subscript(index: Int) -> Element {
    get { base.unsafelyUnwrapped[index] }
    set { base.unsafelyUnwrapped[index] = newValue }
  }

  /// Hands the memory over (to a `ColumnStorage`) and leaves the buffer empty.
  mutating func take() -> (base: UnsafeMutablePointer<Element>?, count: Int) {
    defer { self = GrowableBuffer() }
    return (base, count)
  }

  /// Frees the memory of a buffer that will not be taken.
  mutating func release() {
    free(base)
    self = GrowableBuffer()
  }

  private mutating func grow(to newCapacity: Int) {
    guard let memory = realloc(base, newCapacity * MemoryLayout<Element>.stride) else {
      fatalError("out of memory growing a column to \(newCapacity) values")
    }
    base = memory.bindMemory(to: Element.self, capacity: newCapacity)
    capacity = newCapacity
  }
}
