import Glibc

/// A string that is equal to another only byte for byte in UTF-8, and hashed by those bytes:
/// String's own `==` merges canonically equivalent spellings (`é` and `e` + `◌́`), which two
/// respondents' identifiers must not be.
struct ByteExactText: Hashable {
  var text: String

  static func == (left: Self, right: Self) -> Bool {
    var (left, right) = (left.text, right.text)
    return left.withUTF8 { leftBytes in
      right.withUTF8 { rightBytes in
        leftBytes.count == rightBytes.count
          && (leftBytes.isEmpty || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0)
      }
    }
  }

  func hash(into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
