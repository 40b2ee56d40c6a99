extension WaveResult {
  /// The result as a failed wave: its export's hash, clean table and timings kept, its weights and
  /// indicators dropped (they are not published), and one line naming the wave and the error.
  func failing(_ error: any Error, doing what: String? = nil) -> WaveResult {
    var failed = WaveResult(file: file)
    failed.sha256 = sha256
    failed.cleaned = cleaned
    failed.timings = timings
    let line = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: "; ")
    let message = what.map { "\($0): \(line)" } ?? line
    failed.problem = problem.map { "\($0); \(message)" } ?? "wave \(file.wave): \(message)"
    return failed
  }
}
