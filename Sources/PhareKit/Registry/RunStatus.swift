/// Where a run stands: `running` until finished; `interrupted` when a later run found it left running.
public enum RunStatus: String, Sendable, CaseIterable {
  case running
  case done
  case failed
  case interrupted
}
