import Glibc

/// Raw, growable memory a column builder appends to from libcsv's callbacks: no
/// copy-on-write check and no reference counting on the hot path. Growth uses `realloc`,
/// which moves large blocks by remapping pages rather than copying them.
///
/// A buffer may be lent the unused end of another's memory (`init(lent:from:)`): it fills it in
/// place, never frees it, and copies it to memory of its own only if it outgrows it.
struct GrowableBuffer<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>?
  private(set) var count = 0
  private(set) var capacity = 0
  /// Whether `base` is this buffer's to grow and free (not lent).
  private var owned = true

  init() {}

  /// A buffer that fills the memory of `lender` from its element `offset` to its capacity.
  init(lent lender: GrowableBuffer, from offset: Int) {
    base = lender.base.unsafelyUnwrapped + offset
    capacity = lender.capacity - offset
    owned = false
  }

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

  /// Appends the elements of `other`; those of a buffer lent this one's memory are moved down
  /// into place (not at all when they are there already).
  mutating func append(contentsOf other: GrowableBuffer) {
    guard other.count > 0 else { return }
    if let base, let start = other.base, !other.owned, start >= base + count, start < base + capacity {
      if start != base + count { memmove(base + count, start, other.count * MemoryLayout<Element>.stride) }
      count += other.count
      return
    }
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

  /// Makes room for `minimum` elements, whose pages are touched at once when `populating`
  /// (in one call, not a fault each) or as they are written otherwise.
  mutating func reserve(_ minimum: Int, populating: Bool = true) {
    guard minimum > capacity else { return }
    grow(to: minimum)
    if populating { populate() }
  }

  /// Touches the pages of the unused capacity, up to element `limit`, in one call
  /// (`MADV_POPULATE_WRITE`, Linux 5.14).
  func populate(upTo limit: Int = .max) {
    guard let base else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (Int(bitPattern: base + count) + page - 1) / page * page
    let end = Int(bitPattern: base + Swift.min(capacity, limit)) / page * page
    if end - start >= 1 << 20 {
      _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, 23)
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
  mutating func take() -> (base: UnsafeMutablePointer<Element>?, count: Int, capacity: Int) {
    if !owned { grow(to: capacity) }
    defer { self = GrowableBuffer() }
    return (base, count, capacity)
  }

  /// Frees the memory of a buffer that will not be taken.
  mutating func release() {
    if owned { free(base) }
    self = GrowableBuffer()
  }

  private mutating func grow(to newCapacity: Int) {
    guard owned else {
      // Outgrowing lent memory: the elements move to memory of this buffer's own.
      guard let raw = malloc(newCapacity * MemoryLayout<Element>.stride) else {
        fatalError("out of memory growing a column to \(newCapacity) values")
      }
      let memory = raw.bindMemory(to: Element.self, capacity: newCapacity)
      if let base { memory.update(from: base, count: count) }
      (base, capacity, owned) = (memory, newCapacity, true)
      return
    }
    guard let memory = realloc(base, newCapacity * MemoryLayout<Element>.stride) else {
      fatalError("out of memory growing a column to \(newCapacity) values")
    }
    base = memory.bindMemory(to: Element.self, capacity: newCapacity)
    capacity = newCapacity
  }
}
