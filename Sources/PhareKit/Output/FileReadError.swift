/// An input that could not be read to fingerprint it, named with the reason.
public struct FileReadError: Error, Equatable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public var description: String { "\(path): cannot be read: \(reason)" }
}
