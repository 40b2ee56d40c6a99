import Logging

/// One field of a JSON log line: a number stays a JSON number, anything else is its text.
enum LogValue: Encodable, Equatable {
  case text(String)
  case integer(Int)
  case real(Double)

  /// A metadata value as JSON: an `Int` or finite `Double` logged as `.stringConvertible` is a number.
  init(_ value: Logger.MetadataValue) {
    switch value {
    case .stringConvertible(let number as Int): self = .integer(number)
    case .stringConvertible(let number as Double) where number.isFinite: self = .real(number)
    default: self = .text("\(value)")
    }
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .text(let text): try container.encode(text)
    case .integer(let number): try container.encode(number)
    case .real(let number): try container.encode(number)
    }
  }
}
