import Foundation

/// Wave folders of an output folder that no current export gives any more (the export was
/// moved, renamed or deleted): kept — unpublishing is a person's decision — and reported with a
/// warning on every run until someone removes them or the export comes back.
enum OrphanedWaveFolders {
  /// The names of `folder`'s subfolders holding `marker` (a wave's `manifest.json`, a matrix's
  /// `matrix.csv`) that are not among `waves`, sorted; hidden and `rejected` folders aside.
  static func find(in folder: String, waves: Set<String>, marker: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { name in
      !name.hasPrefix(".") && name != "rejected" && !waves.contains(name)
        && FileManager.default.fileExists(atPath: folder + "/" + name + "/" + marker)
    }.sorted()
  }
}
