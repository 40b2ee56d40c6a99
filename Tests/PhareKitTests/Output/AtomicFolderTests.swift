import Foundation
import Testing

@testable import PhareKit

/// A folder of outputs is replaced whole: the old content or the new, never a mix or nothing.
@Suite struct AtomicFolderTests {
  private struct Stop: Error {}

  private func contents(_ folder: String) throws -> [String: String] {
    var found: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      found[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }
    return found
  }

  @Test func createsThenReplacesTheWholeFolder() throws {
    let parent = try TemporaryFolder()
    defer { parent.remove() }
    let target = parent.path + "/2016"
    try AtomicFolder.replace(target) { folder in
      try "a1".write(toFile: folder + "/a.csv", atomically: false, encoding: .utf8)
      try "b1".write(toFile: folder + "/b.csv", atomically: false, encoding: .utf8)
    }
    #expect(try contents(target) == ["a.csv": "a1", "b.csv": "b1"])
    try AtomicFolder.replace(target) { folder in
      // While the new content is written, the target still holds the old one, whole.
      #expect(try contents(target) == ["a.csv": "a1", "b.csv": "b1"])
      try "a2".write(toFile: folder + "/a.csv", atomically: false, encoding: .utf8)
    }
    #expect(try contents(target) == ["a.csv": "a2"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["2016"])
  }

  @Test func aFailureWhileWritingLeavesThePreviousFolder() throws {
    let parent = try TemporaryFolder()
    defer { parent.remove() }
    let target = parent.path + "/2016"
    try AtomicFolder.replace(target) { try "old".write(toFile: $0 + "/a.csv", atomically: false, encoding: .utf8) }
    #expect(throws: Stop.self) {
      try AtomicFolder.replace(target) { folder in
        try "new".write(toFile: folder + "/a.csv", atomically: false, encoding: .utf8)
        throw Stop()
      }
    }
    #expect(try contents(target) == ["a.csv": "old"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["2016"])
  }

  @Test func sweepRemovesWhatAKilledRunLeft() throws {
    let parent = try TemporaryFolder()
    defer { parent.remove() }
    try parent.write(".phare-tmp-2016-123-abcd/a.csv", "half")
    try parent.write("2016/a.csv", "whole")
    #expect(AtomicFolder.sweep(parent.path) == [".phare-tmp-2016-123-abcd"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["2016"])
  }
}
