/// A registry that cannot be opened, read or written: one line naming the file, as `phare` prints it.
public struct RegistryError: Error, Equatable, CustomStringConvertible {
  public let file: String
  /// What is wrong, without the file name.
  public let problem: String

  init(file: String, problem: String) {
    self.file = file
    self.problem = problem
  }

  public var description: String { "\(file): \(problem)" }
}
