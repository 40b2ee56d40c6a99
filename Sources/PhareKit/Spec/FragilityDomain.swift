/// One of the PHARE fragility domains (emploi, pauvreté, mobilité…): its number in the
/// publications, the stable id codebooks and the dashboard feed use, and its French label.
public struct FragilityDomain: Sendable, Equatable, Codable {
  public var code: Int
  public var id: String
  public var label: String
}
