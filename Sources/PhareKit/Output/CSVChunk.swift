import Glibc

/// Rows of a large CSV file written into raw memory a cell at a time: the bytes `CSVWriter`
/// writes for the same cells, with one capacity check per cell instead of an array's
/// uniqueness and capacity checks per byte.
struct CSVChunk: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int
  private let locale: CSVLocale
  private let separator: UInt8
  private var atRowStart = true
  /// Numbers with a fraction already formatted in this chunk: weights repeat (one per post-stratum
  /// or raking cell), and formatting one costs a `String`.
  private var formattedNumbers: [UInt64: [UInt8]] = [:]

  /// Room for `capacity` bytes at first; rows follow another writer's (no preamble).
  init(locale: CSVLocale, reservingCapacity capacity: Int) {
    self.capacity = max(64, capacity)
    guard let memory = malloc(self.capacity) else { fatalError("out of memory for a CSV part of \(capacity) bytes") }
    base = memory.assumingMemoryBound(to: UInt8.self)
    self.locale = locale
    separator = locale.separator.asciiValue!
  }

  deinit { free(base) }

  /// The bytes written.
  consuming func finish() -> [UInt8] {
    Array(UnsafeBufferPointer(start: base, count: count))
  }

  /// Ends the current row with CRLF.
  @inline(__always)
  mutating func endRow() {
    ensure(2)
    base[count] = 0x0D
    base[count + 1] = 0x0A
    count += 2
    atRowStart = true
  }

  /// An empty field.
  @inline(__always)
  mutating func appendEmpty() {
    ensure(1)
    startField()
  }

  /// Bytes already encoded as one field (quoted and neutralised as `CSVWriter` does).
  @inline(__always)
  mutating func append(verbatim field: UnsafeBufferPointer<UInt8>) {
    ensure(field.count + 1)
    startField()
    if field.count == 1 {
      base[count] = field[0]
    } else if let start = field.baseAddress {
      (base + count).update(from: start, count: field.count)
    }
    count += field.count
  }

  /// An integer in decimal digits.
  @inline(__always)
  mutating func append(integer value: Int64) {
    ensure(21)
    startField()
    if value >= 0 && value < 10 {
      // Most cells of a survey table are one digit: a code, a flag, a score.
      base[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value)
      count += 1
      return
    }
    if value < 0 {
      base[count] = UInt8(ascii: "-")
      count += 1
    }
    var magnitude = value.magnitude
    var digits = 1
    var power: UInt64 = 10
    while digits < 20 && magnitude >= power {
      digits += 1
      power = power &* 10
    }
    var index = count + digits
    repeat {
      index -= 1
      base[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
      magnitude /= 10
    } while magnitude > 0
    count += digits
  }

  /// A number, as `CSVWriter.append(number:)` writes it.
  @inline(__always)
  mutating func append(number value: Double) {
    if abs(value) < 1e15, case let whole = Int64(value), Double(whole) == value {
      // `CSVWriter`'s integer test, without a call to `rounded()`.
      return append(integer: whole)
    }
    if let bytes = formattedNumbers[value.bitPattern] {
      return bytes.withUnsafeBufferPointer { append(verbatim: $0) }
    }
    let bytes = CSVWriter(locale: locale, continuing: true).encodedCell(.number(value))
    if formattedNumbers.count < Self.formattedNumbersKept { formattedNumbers[value.bitPattern] = bytes }
    bytes.withUnsafeBufferPointer { append(verbatim: $0) }
  }

  /// Distinct numbers a chunk keeps formatted (more are formatted each time).
  private static let formattedNumbersKept = 4096

  /// A text field, as `CSVWriter.append(text:)` writes it: copied as it is unless it must be
  /// neutralised against formulas or quoted.
  @inline(__always)
  mutating func append(text value: String) {
    var value = value
    let plain = value.withUTF8 { bytes in
      guard !CSVWriter.mayNeedNeutralising(bytes), !CSVWriter.needsQuotes(bytes, separator: separator) else {
        return false
      }
      append(verbatim: bytes)
      return true
    }
    if !plain {
      CSVWriter(locale: locale, continuing: true).encodedCell(.text(value)).withUnsafeBufferPointer {
        append(verbatim: $0)
      }
    }
  }

  private mutating func startField() {
    if atRowStart {
      atRowStart = false
    } else {
      base[count] = separator
      count += 1
    }
  }

  /// Makes room for `extra` more bytes, doubling the memory when it runs out.
  @inline(__always)
  private mutating func ensure(_ extra: Int) {
    if count + extra > capacity { grow(to: max(capacity * 2, count + extra)) }
  }

  private mutating func grow(to newCapacity: Int) {
    guard let memory = realloc(base, newCapacity) else {
      fatalError("out of memory growing a CSV part to \(newCapacity) bytes")
    }
    base = memory.assumingMemoryBound(to: UInt8.self)
    capacity = newCapacity
  }
}
