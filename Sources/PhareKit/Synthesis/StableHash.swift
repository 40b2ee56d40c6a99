/// FNV-1a over UTF-8 bytes: a hash that is the same in every process (Swift's `Hasher` is
/// seeded per run), so that model choices keyed by a name are reproducible.
enum StableHash {
  static func of(_ text: String) -> UInt64 {
    text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
  }
}
