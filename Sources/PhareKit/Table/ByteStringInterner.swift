import Glibc

/// Gives each distinct byte string a small integer code, in order of first appearance.
///
/// Open addressing over one byte arena: interning a field costs a hash and, for a repeated
/// value, one comparison, with no allocation. This is how categorical answers are
/// dictionary-encoded straight from the parser's buffer.
struct ByteStringInterner {
  private var arena: [UInt8] = []
  private var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Hash slots holding a code, or -1 when empty; the count is a power of two.
  private var slots = [Int32](repeating: -1, count: 16)

  /// How many distinct strings have been seen.
  var count: Int { hashes.count }

  /// The bytes of the string with the given code.
  func withBytes<Result>(of code: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    arena.withUnsafeBytes { all in
      body(UnsafeRawBufferPointer(rebasing: all[starts[code]..<starts[code + 1]]))
    }
  }

  /// The code of `bytes`, adding it if new.
  mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    let hash = Self.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let code = slots[slot]
      if code < 0 { break }
      if hashes[Int(code)] == hash && equals(Int(code), bytes) {
        return code
      }
      slot = (slot + 1) & mask
    }
    let code = Int32(hashes.count)
    arena.append(contentsOf: bytes)
    starts.append(arena.count)
    hashes.append(hash)
    slots[slot] = code
    if hashes.count * 2 > slots.count {
      rehash(capacity: slots.count * 2)
    }
    return code
  }

  private func equals(_ code: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let start = starts[code]
    let length = starts[code + 1] - start
    guard length == bytes.count else { return false }
    return arena.withUnsafeBytes { all in
      guard length > 0 else { return true }
      return memcmp(all.baseAddress! + start, bytes.baseAddress!, length) == 0
    }
  }

  private mutating func rehash(capacity: Int) {
    slots = [Int32](repeating: -1, count: capacity)
    let mask = capacity - 1
    for (code, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 {
        slot = (slot + 1) & mask
      }
      slots[slot] = Int32(code)
    }
  }

  /// FNV-1a, then a final avalanche so that low bits (used for slots) mix well.
  private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    return hash
  }
}
