import Foundation

/// A fresh folder under the system's temporary directory, for tests that write files.
public struct TemporaryFolder {
  public let path: String

  public init() throws {
    path = NSTemporaryDirectory() + "phare-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes a file under the folder and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }

  public func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
