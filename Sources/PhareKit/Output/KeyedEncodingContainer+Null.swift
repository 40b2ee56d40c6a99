/// Optional values written as their value or `null` through the container's own overloads: the
/// generic `encode` of an optional goes through a single-value container per value, which cost
/// feeds of thousands of indicators most of their encoding time. Same JSON either way.
extension KeyedEncodingContainer {
  mutating func encodeOrNull(_ value: Double?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }

  mutating func encodeOrNull(_ value: String?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }

  mutating func encodeOrNull(_ value: Bool?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }

  mutating func encodeOrNull<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
}
