/// One wave's export: the wave identifier and the file it is read from.
public struct WaveFile: Equatable, Sendable {
  public var wave: String
  public var path: String
}
