/// Why a wave's outputs, as their manifest describes them, are out of date.
extension RunManifest {
  /// What differs between the run that wrote this manifest and one with `options`, this phare and
  /// the spec files as they are now (`specFiles(of:)`): `phare version changed`, `csv locale
  /// changed`, `labels changed`, `spec changed` (the files' contents), those that apply, in that
  /// order. A manifest written by an older phare records no output options: they count as unchanged.
  func changes(specFiles current: [Input], options: StageOutputs.Options) -> [String] {
    var changes: [String] = []
    if phareVersion != PhareVersion.current { changes.append("phare version changed") }
    if let csvLocale, csvLocale != options.csvLocale.rawValue { changes.append("csv locale changed") }
    if let labels, labels != options.labels { changes.append("labels changed") }
    // By content only: the same spec given by another path (relative, absolute, a link) is the same spec.
    if specFiles.map(\.sha256) != current.map(\.sha256) { changes.append("spec changed") }
    return changes
  }
}
