import Foundation
import Testing

@testable import PhareKit

/// A CSV written part by part as each is formatted is the same file as its bytes joined in memory;
/// a write that fails leaves no file and names the path.
@Suite struct PartitionedCSVTests {
  private func numbers(rows: Int, rowsPerPart: Int) -> PartitionedCSV {
    PartitionedCSV(header: Array("n,square\r\n".utf8), rowCount: rows, rowsPerPart: rowsPerPart) { range in
      var writer = CSVWriter(locale: .rfc4180, continuing: true)
      for row in range {
        writer.append(integer: Int64(row))
        writer.append(number: Double(row) * Double(row) / 7)
        writer.endRow()
      }
      return writer.bytes
    }
  }

  @Test func theFileWrittenInPartsIsTheJoinedBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for (rows, rowsPerPart) in [(0, 10), (1, 10), (99_999, 1_000), (10, 3), (50_000, 50_000)] {
      let csv = numbers(rows: rows, rowsPerPart: rowsPerPart)
      let path = folder.path + "/sub/\(rows)-\(rowsPerPart).csv"
      let size = try AtomicFile.write(csv, to: path)
      let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(written == csv.bytes, "\(rows) rows in parts of \(rowsPerPart)")
      #expect(size == written.count)
      #expect(written.split(separator: 0x0A).count == rows + 1)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/sub").count == 5)
  }

  @Test func aFolderThatCannotBeWrittenNamesThePathAndLeavesNoFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let blocker = try folder.write("plain-file", "not a folder")
    #expect(throws: (any Error).self) {
      try AtomicFile.write(numbers(rows: 10, rowsPerPart: 3), to: blocker + "/x.csv")
    }
    // A full device fails the writes themselves: the error names the file, no temporary file is left.
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let full = folder.path + "/full"
    try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
    #expect(symlink("/dev/full", full + "/.x.csv.tmp-\(getpid())") == 0)
    let parts = PartitionedCSV(header: [], rowCount: 100, rowsPerPart: 10) { _ in Array(repeating: 0x41, count: 1 << 16)
    }
    do {
      _ = try AtomicFile.write(parts, to: full + "/x.csv")
      Issue.record("writing to a full device did not fail")
    } catch let error as FileWriteError {
      #expect(error.path == full + "/x.csv")
      #expect(error.reason == "No space left on device")
    }
    #expect(!FileManager.default.fileExists(atPath: full + "/x.csv"))
  }
}
