import Foundation
import Glibc

/// One run of a program as a child process: its exit status, wall seconds, peak resident set
/// size (from `wait4`'s resource usage, the child's alone) and what it wrote on standard error.
struct ChildProcess {
  let status: Int32
  let seconds: Double
  let peakResidentKilobytes: Int
  let standardError: String

  /// Runs `executable` with `arguments`, standard output discarded, and waits for it.
  init(_ executable: String, _ arguments: [String]) throws {
    let errorFile = NSTemporaryDirectory() + "phare-bench-stderr-\(getpid())"
    defer { unlink(errorFile) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = Clock.now()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else {
      throw BenchFailure(description: "\(executable) could not be started: \(String(cString: strerror(spawned)))")
    }
    var waitStatus: Int32 = 0
    var usage = rusage()
    while wait4(pid, &waitStatus, 0, &usage) < 0 && errno == EINTR {}
    seconds = Clock.now() - start
    // WIFEXITED / WEXITSTATUS, which Swift does not import: a normal exit keeps the signal bits 0.
    status = waitStatus & 0x7f == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f)
    peakResidentKilobytes = usage.ru_maxrss
    standardError = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
  }
}
