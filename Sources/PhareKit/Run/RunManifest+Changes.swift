/// Why a wave's outputs, as their manifest describes them, are out of date.
extension RunManifest {
  /// What differs between the run that wrote this manifest and one with `options`, this phare and
  /// the spec files as they are now (`specFiles(of:)`): `phare version changed`, `csv locale
  /// changed`, `labels changed`, `spec changed`, those that apply, in that order. Empty when none
  /// can be told (a manifest written by an older phare records no output options).
  func changes(specFiles current: [Input], options: StageOutputs.Options) -> [String] {
    var changes: [String] = []
    if phareVersion != PhareVersion.current { changes.append("phare version changed") }
    if let csvLocale, csvLocale != options.csvLocale.rawValue { changes.append("csv locale changed") }
    if let labels, labels != options.labels { changes.append("labels changed") }
    if specFiles != current { changes.append("spec changed") }
    return changes
  }
}
