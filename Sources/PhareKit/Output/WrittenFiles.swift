import Foundation

/// The files a manifest lists beside it with their byte sizes when written, checked without
/// reading them: a file gone or of another size (truncated, emptied, overwritten) makes the
/// outputs they belong to be rebuilt (`DerivedManifest`, a wave folder's `RunManifest.files`).
enum WrittenFiles {
  /// Why `files` (sizes in bytes by path relative to `folder`) are not as written: `outputs
  /// missing` when one is gone, else `outputs damaged` when one is of another size; nil when every
  /// one is in place with its size.
  static func damage(_ files: [String: Int], in folder: String) -> String? {
    let sizes = files.map { name, size in (size, self.size(folder + "/" + name)) }
    if sizes.contains(where: { $0.1 == nil }) { return "outputs missing" }
    if sizes.contains(where: { $0.0 != $0.1 }) { return "outputs damaged" }
    return nil
  }

  /// The size in bytes of the file at `path`, nil when there is none.
  static func size(_ path: String) -> Int? {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue
  }
}
