import Foundation

/// `phare history`: a line per run, then a line per wave it recorded (and its problem, if it failed).
extension RunRecord {
  /// `run 3: done, exit 0; started 2026-03-02T06:00:00Z, ended 2026-03-02T06:01:30Z; phare 0.1.0: phare run Pipelines`
  /// then `  wave 2016: ok; 40 read, 32 clean, 8 quarantined; input 3a7bd3e2360a; processed 2026-03-02T06:01:12Z`.
  public var lines: [String] {
    var line = "run \(id): \(status.rawValue)"
    if let exitCode { line += ", exit \(exitCode)" }
    line += "; started \(startedAt.formatted(.iso8601))"
    if let endedAt { line += ", ended \(endedAt.formatted(.iso8601))" }
    var lines = [line + "; phare \(phareVersion): \(command)"]
    for wave in waves {
      var line = "  wave \(wave.wave): \(wave.status.rawValue)"
      if let read = wave.rowsRead, let clean = wave.rowsClean, let quarantined = wave.rowsQuarantined {
        line += "; \(read) read, \(clean) clean, \(quarantined) quarantined"
      }
      line += "; input \(wave.inputSHA256.map { String($0.prefix(12)) } ?? "unread")"
      lines.append(line + "; processed \(wave.processedAt.formatted(.iso8601))")
      if let problem = wave.problem { lines.append("    problem: \(problem)") }
    }
    return lines
  }
}
