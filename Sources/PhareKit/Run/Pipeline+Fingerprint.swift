/// What decides how a pipeline's waves are processed, so a run can tell an unchanged wave.
extension Pipeline {
  /// The spec and the files it names: codebook, populations, domains.
  public var specFiles: [String] {
    [spec.file, spec.codebook] + [spec.populations, spec.domains].compactMap { $0 }
  }

  /// One SHA-256 over the contents of `specFiles`, in that order: any edit to any of them changes it.
  public func specFingerprint() throws -> String {
    FileDigest.sha256(text: try specFiles.map { try FileDigest.sha256(of: $0) + "\n" }.joined())
  }
}
