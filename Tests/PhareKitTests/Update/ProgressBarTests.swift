import Testing

@testable import PhareKit

/// The terminal progress line: redrawn in place, filled in proportion, the rest of the line cleared.
@Suite struct ProgressBarTests {
  @Test func theBarFillsInProportion() {
    let bar = ProgressBar(total: 4)
    #expect(bar.line(0, "citoyens") == "\r[" + String(repeating: " ", count: 24) + "] 0/4 citoyens\u{1B}[K")
    #expect(
      bar.line(1, "x") == "\r[" + String(repeating: "#", count: 6) + String(repeating: " ", count: 18)
        + "] 1/4 x\u{1B}[K")
    #expect(bar.line(4, "x") == "\r[" + String(repeating: "#", count: 24) + "] 4/4 x\u{1B}[K")
    #expect(ProgressBar(total: 0).line(0, "") == "\r[" + String(repeating: "#", count: 24) + "] 0/0 \u{1B}[K")
  }
}
