/// How an export is written: what `phare inspect` reports and the parser is configured with.
public struct Dialect: Codable, Sendable, Equatable {
  public var encoding: TextEncoding
  public var separator: Separator
  public var lineEnding: LineEnding
  /// Whether numeric fields may use a decimal comma (`7,5`).
  public var decimalComma: Bool

  public init(encoding: TextEncoding, separator: Separator, lineEnding: LineEnding, decimalComma: Bool) {
    self.encoding = encoding
    self.separator = separator
    self.lineEnding = lineEnding
    self.decimalComma = decimalComma
  }
}
