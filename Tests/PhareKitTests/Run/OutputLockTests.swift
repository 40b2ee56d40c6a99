import Foundation
import Testing

@testable import PhareKit

/// One run at a time per output folder; a lock left by a dead process is taken over.
@Suite struct OutputLockTests {
  @Test func aSecondRunIsRefusedAtOnceUntilTheFirstReleases() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let first = try OutputLock(folder: folder.path)
    #expect(first.takenOverFrom == nil)
    do {
      _ = try OutputLock(folder: folder.path)
      Issue.record("the second lock should be refused")
    } catch let held as OutputLock.Held {
      #expect(held.holder.hasPrefix("pid=\(getpid()) since "))
      #expect(held.description.hasPrefix("\(folder.path)/.phare.lock is locked by another phare run (pid="))
    }
    first.release()
    let second = try OutputLock(folder: folder.path)
    #expect(second.takenOverFrom == nil)
    second.release()
  }

  @Test func aLockFileLeftByADeadProcessIsTakenOver() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // What a killed run leaves: its stamp, but no kernel lock (the kernel dropped it with the process).
    try folder.write(".phare.lock", "pid=999999 since 2026-11-24T03:00:00Z\n")
    let lock = try OutputLock(folder: folder.path)
    #expect(lock.takenOverFrom == 999_999)
    let stamp = try String(contentsOfFile: lock.path, encoding: .utf8)
    #expect(stamp.hasPrefix("pid=\(getpid()) since "))
    lock.release()
    #expect(try String(contentsOfFile: lock.path, encoding: .utf8) == "")
  }

  @Test func anUnwritableFolderIsNamed() {
    #expect(throws: FileWriteError.self) { try OutputLock(folder: "/proc/phare-cannot-write-here") }
  }
}
