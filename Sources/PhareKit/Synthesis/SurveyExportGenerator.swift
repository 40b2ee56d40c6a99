import Glibc

/// A deterministic, citizen-like survey export for benchmarks and the bundled sample: id,
/// region (INSEE code), sex, age band, rural/urban, 16 importance scores 0-10 (~3% blank) and
/// 16 priority flags 0/1. The same seed gives the same bytes.
public struct SurveyExportGenerator: Sendable {
  public var rows: Int
  public var seed: UInt64
  public var separator: Separator

  /// The 13 regions of mainland France with roughly their share of adults.
  static let regions: [(code: String, share: Double)] = [
    ("11", 0.186), ("24", 0.040), ("27", 0.043), ("28", 0.051), ("32", 0.088), ("44", 0.085), ("52", 0.058),
    ("53", 0.052), ("75", 0.092), ("76", 0.091), ("84", 0.121), ("93", 0.078), ("94", 0.005),
  ]
  /// Age bands of adults with roughly their share.
  static let ageBands: [(code: String, share: Double)] = [
    ("18-24", 0.105), ("25-34", 0.145), ("35-49", 0.240), ("50-64", 0.245), ("65+", 0.265),
  ]
  static let urbanShare = 0.78
  static let scoreCount = 16
  static let blankScoreShare = 0.03
  static let flagShare = 0.3

  public init(rows: Int, seed: UInt64, separator: Separator = .comma) {
    self.rows = rows
    self.seed = seed
    self.separator = separator
  }

  /// The header names, in column order.
  public var header: [String] {
    ["id", "region", "sexe", "age", "urbain"] + (1...Self.scoreCount).map { twoDigits("s", $0) }
      + (1...Self.scoreCount).map { twoDigits("f", $0) }
  }

  /// The whole export in memory (for small files and tests).
  public func bytes() -> [UInt8] {
    var output: [UInt8] = []
    generate { output.append(contentsOf: $0) }
    return output
  }

  /// Streams the export to a file, in large chunks.
  public func write(to path: String) throws {
    guard let file = fopen(path, "wb") else {
      throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
    }
    var failed = false
    generate { chunk in
      if !failed && fwrite(chunk.baseAddress, 1, chunk.count, file) != chunk.count { failed = true }
    }
    if fclose(file) != 0 || failed {
      throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Hands the export to `sink` in chunks of about 1 MiB; rows are built as bytes, with no string per value.
  private func generate(_ sink: (UnsafeBufferPointer<UInt8>) -> Void) {
    var random = SplitMix64(seed: seed)
    let separator = self.separator.byte
    let regionCodes = Self.regions.map { Array($0.code.utf8) }
    let regionBounds = Self.cumulative(Self.regions.map(\.share))
    let ageCodes = Self.ageBands.map { Array($0.code.utf8) }
    let ageBounds = Self.cumulative(Self.ageBands.map(\.share))
    let sexes = [UInt8(ascii: "F"), UInt8(ascii: "H")]
    let rural = Array("rural".utf8)
    let urban = Array("urbain".utf8)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20 + 4096)
    buffer.append(contentsOf: header.joined(separator: String(UnicodeScalar(separator))).utf8)
    buffer.append(0x0A)
    for id in stride(from: 1, through: rows, by: 1) {
      let region = Self.pick(regionBounds, &random)
      appendNumber(id, to: &buffer)
      buffer.append(separator)
      buffer.append(contentsOf: regionCodes[region])
      buffer.append(separator)
      buffer.append(sexes[random.below(2)])
      buffer.append(separator)
      buffer.append(contentsOf: ageCodes[Self.pick(ageBounds, &random)])
      buffer.append(separator)
      buffer.append(contentsOf: random.unit() < Self.urbanShare ? urban : rural)
      // Scores lean with the region, so that breakdowns differ.
      let lean = region % 3
      for _ in 0..<Self.scoreCount {
        buffer.append(separator)
        if random.unit() >= Self.blankScoreShare {
          appendNumber(min(10, random.below(9) + lean), to: &buffer)
        }
      }
      for _ in 0..<Self.scoreCount {
        buffer.append(separator)
        buffer.append(random.unit() < Self.flagShare ? 0x31 : 0x30)
      }
      buffer.append(0x0A)
      if buffer.count >= 1 << 20 {
        buffer.withUnsafeBufferPointer(sink)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    buffer.withUnsafeBufferPointer(sink)
  }

  /// Appends the decimal digits of a non-negative integer.
  private func appendNumber(_ value: Int, to buffer: inout [UInt8]) {
    if value >= 10 { appendNumber(value / 10, to: &buffer) }
    buffer.append(UInt8(48 + value % 10))
  }

  private func twoDigits(_ prefix: String, _ number: Int) -> String {
    prefix + (number < 10 ? "0" : "") + String(number)
  }

  /// Running totals of `shares`, the last one being their sum.
  private static func cumulative(_ shares: [Double]) -> [Double] {
    shares.reduce(into: []) { $0.append(($0.last ?? 0) + $1) }
  }

  /// An index drawn with probability proportional to its share.
  private static func pick(_ bounds: [Double], _ random: inout SplitMix64) -> Int {
    let draw = random.unit() * bounds[bounds.count - 1]
    return bounds.firstIndex { draw < $0 } ?? bounds.count - 1
  }
}
