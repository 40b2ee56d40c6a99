/// How far a command runs a pipeline.
public enum PipelineStage: Sendable {
  case clean
  case weight
  case estimate
}
