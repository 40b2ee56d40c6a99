import Foundation

/// The version of phare, written into manifests and the run registry and printed by `phare --version`.
public enum PhareVersion {
  /// The version of this release. Raised with every release that changes what phare writes (a
  /// wave's outputs are fingerprinted with it, so installing a new release reprocesses every wave).
  public static let released = "0.2.0"

  /// The released version, or, for tests only, the value of `PHARE_VERSION_OVERRIDE` (like
  /// `PHARE_FAULT`, `FaultInjection`): an integration test sets it to simulate an upgrade.
  public static let current =
    ProcessInfo.processInfo.environment["PHARE_VERSION_OVERRIDE"].flatMap {
      $0.isEmpty ? nil : $0
    } ?? released
}
