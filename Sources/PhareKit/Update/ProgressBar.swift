import Foundation

/// A one-line progress bar on a terminal's standard error (`[#####     ] 5/12 citoyens 2016`),
/// redrawn in place; `phare run` shows it only when standard error is a terminal, never in cron logs.
public struct ProgressBar: Sendable {
  public let total: Int
  static let width = 24

  public init(total: Int) {
    self.total = total
  }

  /// The line for `done` steps out of `total`, naming what is under way.
  public func line(_ done: Int, _ label: String) -> String {
    let filled = total == 0 ? Self.width : Self.width * min(done, total) / total
    let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: Self.width - filled)
    return "\r[\(bar)] \(done)/\(total) \(label)\u{1B}[K"
  }

  public func show(_ done: Int, _ label: String) {
    FileHandle.standardError.write(Data(line(done, label).utf8))
  }

  /// Clears the line, so the log and the summary start on a clean one.
  public func finish() {
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
