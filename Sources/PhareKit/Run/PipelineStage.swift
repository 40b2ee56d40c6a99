/// How far a command runs a pipeline.
public enum PipelineStage: String, Sendable {
  case clean
  case weight
  case estimate
}
