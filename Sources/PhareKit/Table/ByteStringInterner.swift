import Glibc

/// Gives each distinct byte string a small integer code, in order of first appearance.
///
/// Open addressing over one byte arena: interning a field costs a hash and, for a repeated
/// value, one comparison, with no allocation. Each slot holds the code and the high half of its
/// string's hash, so a probe past other strings reads only the slot array: with millions of
/// distinct strings (identifiers), a new one costs one cache miss, not one per array. Strings of
/// up to 8 bytes (most answer codes and labels such as `F`, `18-24`, `rural`) are packed into one
/// integer, so they hash and compare without touching the arena. This is how categorical answers
/// are dictionary-encoded straight from the parser's buffer.
struct ByteStringInterner {
  private var arena: [UInt8] = []
  private var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  /// The first 8 bytes of each string, packed little-endian.
  private var prefixes: [UInt64] = []
  /// Hash slots: the high 32 bits of the hash over the code, or `empty`; the count is a power of two.
  private var slots = [UInt64](repeating: Self.empty, count: 16)
  private static let empty = UInt64.max

  init() {}

  /// An interner sized for `expected` distinct strings, which it takes without rehashing.
  init(expected: Int) {
    var capacity = 16
    while capacity < 2 * expected { capacity *= 2 }
    slots = [UInt64](repeating: Self.empty, count: capacity)
    hashes.reserveCapacity(expected)
    prefixes.reserveCapacity(expected)
    starts.reserveCapacity(expected + 1)
  }

  /// How many distinct strings have been seen.
  var count: Int { hashes.count }

  /// The bytes of the string with the given code.
  func withBytes<Result>(of code: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    arena.withUnsafeBytes { all in
      body(UnsafeRawBufferPointer(rebasing: all[starts[code]..<starts[code + 1]]))
    }
  }

  /// The code of `bytes`, adding it if new.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    let prefix = Self.prefix(bytes)
    let hash = bytes.count <= 8 ? Self.mix(prefix ^ UInt64(bytes.count) << 59) : Self.hash(bytes)
    let mask = slots.count - 1
    let tag = hash >> 32
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == Self.empty { break }
      if entry >> 32 == tag {
        let code = Int(entry & 0xFFFF_FFFF)
        if hashes[code] == hash && prefixes[code] == prefix && equals(code, bytes) { return Int32(code) }
      }
      slot = (slot + 1) & mask
    }
    return add(bytes, hash: hash, prefix: prefix, slot: slot)
  }

  private mutating func add(_ bytes: UnsafeRawBufferPointer, hash: UInt64, prefix: UInt64, slot: Int) -> Int32 {
    let code = Int32(hashes.count)
    arena.append(contentsOf: bytes)
    starts.append(arena.count)
    hashes.append(hash)
    prefixes.append(prefix)
    slots[slot] = Self.entry(hash: hash, code: code)
    if hashes.count * 2 > slots.count {
      rehash(capacity: slots.count * 2)
    }
    return code
  }

  /// Whether the string `code` has exactly these bytes; short strings are settled by their
  /// length, the prefix having matched already.
  @inline(__always)
  private func equals(_ code: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let start = starts[code]
    let length = starts[code + 1] - start
    guard length == bytes.count else { return false }
    if length <= 8 { return true }
    return arena.withUnsafeBytes { all in
      memcmp(all.baseAddress! + start, bytes.baseAddress!, length) == 0
    }
  }

  private mutating func rehash(capacity: Int) {
    slots = [UInt64](repeating: Self.empty, count: capacity)
    let mask = capacity - 1
    for (code, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != Self.empty {
        slot = (slot + 1) & mask
      }
      slots[slot] = Self.entry(hash: hash, code: Int32(code))
    }
  }

  /// A slot's content: the hash's high half, then the code (never `empty`: codes are below 2^31).
  @inline(__always)
  private static func entry(hash: UInt64, code: Int32) -> UInt64 {
    hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(code))
  }

  @inline(__always)
  private static func prefix(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var packed: UInt64 = 0
    for index in 0..<Swift.min(bytes.count, 8) {
      packed |= UInt64(bytes[index]) << UInt64(index * 8)
    }
    return packed
  }

  /// A final avalanche so that the low bits (used for slots) depend on every input bit.
  @inline(__always)
  private static func mix(_ value: UInt64) -> UInt64 {
    var hash = value
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    return hash
  }

  /// FNV-1a over longer strings, then mixed.
  private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return mix(hash)
  }
}
