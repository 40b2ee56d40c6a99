import Foundation
import Testing

@testable import PhareKit

/// Files are checked against the sizes recorded when they were written, by their attributes only.
@Suite struct WrittenFilesTests {
  @Test func tellsAFileGoneFromOneOfAnotherSize() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.path + "/tables", withIntermediateDirectories: true)
    try "abc".write(toFile: folder.path + "/a.csv", atomically: false, encoding: .utf8)
    try "é".write(toFile: folder.path + "/tables/t.csv", atomically: false, encoding: .utf8)
    #expect(WrittenFiles.size(folder.path + "/tables/t.csv") == 2)
    #expect(WrittenFiles.size(folder.path + "/none.csv") == nil)
    #expect(WrittenFiles.damage(["a.csv": 3, "tables/t.csv": 2], in: folder.path) == nil)
    #expect(WrittenFiles.damage([:], in: folder.path) == nil)
    #expect(WrittenFiles.damage(["a.csv": 4, "tables/t.csv": 2], in: folder.path) == "outputs damaged")
    // A file gone is told first, whatever the others.
    #expect(WrittenFiles.damage(["a.csv": 4, "b.csv": 1], in: folder.path) == "outputs missing")
  }
}
