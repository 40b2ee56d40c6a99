import Foundation
import Testing

/// Two runs writing different output folders but one registry: the second is refused (exit 3),
/// naming the registry's lock, and writes nothing.
@Suite struct RegistryLockTests {
  @Test func aSharedRegistryIsLockedToo() throws {
    let folder = NSTemporaryDirectory() + "phare-registry-lock-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let registry = folder + "/shared/phare.sqlite"
    try FileManager.default.createDirectory(atPath: folder + "/shared", withIntermediateDirectories: true)
    // Another run holds the registry (as `phare run --out elsewhere --registry shared/…` would).
    let descriptor = open(registry + ".lock", O_RDWR | O_CREAT, 0o644)
    #expect(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
    defer { close(descriptor) }
    let spec = PhareProcess.fixtures + "../exports/plain/spec.yml"
    let run = try PhareProcess.run("run", spec, "--out", folder + "/b", "--registry", registry)
    #expect(run.status == 3)
    #expect(run.stderr.hasPrefix("error: \(registry).lock is locked by another phare run"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: registry))
    #expect(!FileManager.default.fileExists(atPath: folder + "/b/plain"))
    // Released, the same run goes through.
    flock(descriptor, LOCK_UN)
    #expect(try PhareProcess.run("run", spec, "--out", folder + "/b", "--registry", registry).status == 0)
  }
}
