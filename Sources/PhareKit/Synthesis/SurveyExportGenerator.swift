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
  static let ageBands = ["18-24", "25-34", "35-49", "50-64", "65+"]
  static let scoreCount = 16
  static let blankScoreShare = 0.03

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
    defer { fclose(file) }
    var failed = false
    generate { chunk in
      if !failed && fwrite(chunk.baseAddress, 1, chunk.count, file) != chunk.count { failed = true }
    }
    if failed || fflush(file) != 0 {
      throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Hands the export to `sink` in chunks of about 1 MiB.
  private func generate(_ sink: (UnsafeBufferPointer<UInt8>) -> Void) {
    var random = SplitMix64(seed: seed)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20 + 4096)
    let separator = self.separator.byte
    append(header.joined(separator: String(UnicodeScalar(separator))), to: &buffer)
    buffer.append(0x0A)
    let cumulative = Self.regions.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1.share) }
    for id in stride(from: 1, through: rows, by: 1) {
      let draw = random.unit() * cumulative.last!
      let region = cumulative.firstIndex { draw < $0 } ?? Self.regions.count - 1
      append(String(id), to: &buffer)
      for field in [
        Self.regions[region].code, random.below(2) == 0 ? "F" : "H", Self.ageBands[random.below(5)],
        random.unit() < 0.78 ? "rural" : "urbain",
      ] {
        buffer.append(separator)
        append(field, to: &buffer)
      }
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
        buffer.append(random.unit() < 0.3 ? 0x31 : 0x30)
      }
      buffer.append(0x0A)
      if buffer.count >= 1 << 20 {
        buffer.withUnsafeBufferPointer(sink)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    buffer.withUnsafeBufferPointer(sink)
  }

  private func append(_ text: String, to buffer: inout [UInt8]) {
    buffer.append(contentsOf: text.utf8)
  }

  private func appendNumber(_ value: Int, to buffer: inout [UInt8]) {
    if value >= 10 { buffer.append(UInt8(48 + value / 10)) }
    buffer.append(UInt8(48 + value % 10))
  }

  private func twoDigits(_ prefix: String, _ number: Int) -> String {
    prefix + (number < 10 ? "0" : "") + String(number)
  }
}
