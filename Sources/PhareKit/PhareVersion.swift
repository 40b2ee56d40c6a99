/// The version of phare, written into manifests and printed by `phare --version`.
public enum PhareVersion {
  public static let current = "0.1.0"
}
