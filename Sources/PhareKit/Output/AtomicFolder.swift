import CFileSwap
import Foundation

/// Replaces a whole folder of outputs at once: the files are written into a temporary folder
/// beside the target, which is then exchanged with the target in one system call, so a reader
/// (or a run killed at any instant) finds the previous complete folder or the new complete one.
public enum AtomicFolder {
  /// The prefix of temporary folders; `sweep` removes the ones a killed run left behind.
  static let temporaryPrefix = ".phare-tmp-"

  /// Creates a fresh temporary folder beside `target`, lets `fill` write into it, then puts it in
  /// place of `target` (created when absent); the previous content is deleted afterwards.
  public static func replace(_ target: String, fill: (String) throws -> Void) throws {
    let parent = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    let temporary = "\(parent)/\(temporaryPrefix)\(name)-\(getpid())-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    do {
      try fill(temporary)
      try install(temporary, at: target)
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw error
    }
    // After the exchange the temporary name holds the previous content.
    try? FileManager.default.removeItem(atPath: temporary)
  }

  /// Removes the temporary folders a killed run left in `parent`; returns their names.
  @discardableResult
  public static func sweep(_ parent: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
    let leftovers = names.filter { $0.hasPrefix(temporaryPrefix) }.sorted()
    for name in leftovers { try? FileManager.default.removeItem(atPath: parent + "/" + name) }
    return leftovers
  }

  private static func install(_ temporary: String, at target: String) throws {
    if rename(temporary, target) == 0 { return }  // No target yet (or an empty one): one rename.
    guard errno == ENOTEMPTY || errno == EEXIST else { throw failure(target) }
    if phare_exchange_paths(temporary, target) == 0 { return }
    guard errno == EINVAL || errno == ENOSYS else { throw failure(target) }
    // A file system that cannot exchange: move the old folder aside, then the new one in. A
    // crash between the two leaves no target, which the next run rebuilds from its inputs.
    let aside = temporary + "-previous"
    guard rename(target, aside) == 0, rename(temporary, target) == 0 else { throw failure(target) }
    try? FileManager.default.removeItem(atPath: aside)
  }

  private static func failure(_ target: String) -> FileWriteError {
    FileWriteError(path: target, reason: String(cString: strerror(errno)))
  }
}
