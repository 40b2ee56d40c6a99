import Foundation
import Logging

/// One line per event, for cron logs a sysadmin greps: `text` (`time level message key=value…`)
/// or `json` (one object per line, counts and seconds as JSON numbers), metadata keys sorted so
/// lines compare across runs.
public struct LineLogHandler: LogHandler {
  public enum Format: String, CaseIterable, Sendable {
    case text
    case json
  }

  public var metadata: Logger.Metadata = [:]
  public var logLevel: Logger.Level
  public let format: Format
  /// Where lines go: standard error, or a test's buffer.
  private let sink: @Sendable (String) -> Void

  public init(format: Format, level: Logger.Level, sink: @escaping @Sendable (String) -> Void = Self.standardError) {
    self.format = format
    self.logLevel = level
    self.sink = sink
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    let time = Date().formatted(.iso8601)
    let fields = metadata.merging(event.metadata ?? [:]) { _, new in new }.sorted { $0.key < $1.key }
    switch format {
    case .text:
      let pairs = fields.map { " \($0.key)=\($0.value)" }.joined()
      sink("\(time) \(event.level) \(event.message)\(pairs)\n")
    case .json:
      var object: [String: LogValue] = [
        "time": .text(time), "level": .text(event.level.rawValue), "message": .text("\(event.message)"),
      ]
      for (key, value) in fields { object[key] = LogValue(value) }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
      sink(String(decoding: data, as: UTF8.self) + "\n")
    }
  }

  /// Writes a line to standard error at once (unbuffered: a killed run keeps its last lines).
  public static let standardError: @Sendable (String) -> Void = { line in
    FileHandle.standardError.write(Data(line.utf8))
  }
}
