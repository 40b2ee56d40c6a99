import Foundation
import Logging
import Synchronization
import Testing

@testable import PhareKit

/// Log lines as cron keeps them: text with sorted key=value pairs, or one JSON object per line.
@Suite struct LineLogHandlerTests {
  final class Lines: Sendable {
    let lines = Mutex<[String]>([])
  }

  @Test func textAndJSONLines() throws {
    let captured = Lines()
    for format in LineLogHandler.Format.allCases {
      var logger = Logger(label: "phare") { _ in
        LineLogHandler(format: format, level: .warning) { line in captured.lines.withLock { $0.append(line) } }
      }
      logger[metadataKey: "survey"] = "citoyens"
      logger.info("hidden below the level")
      logger.warning("wave failed", metadata: ["wave": "2016", "problem": "too many rows"])
    }
    let lines = captured.lines.withLock { $0 }
    #expect(lines.count == 2)
    let text = try #require(lines.first)
    #expect(text.hasSuffix(" warning wave failed problem=too many rows survey=citoyens wave=2016\n"))
    #expect(text.dropLast().split(separator: " ").first.map { $0.hasSuffix("Z") } == true)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: String])
    #expect(object["level"] == "warning" && object["message"] == "wave failed")
    #expect(object["wave"] == "2016" && object["survey"] == "citoyens" && object["problem"] == "too many rows")
    #expect(lines[1].hasSuffix("}\n") && !lines[1].dropLast().contains("\n"))
  }
}
