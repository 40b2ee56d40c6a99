import Foundation
import GRDB
import Testing

@testable import PhareKit

/// Opening a registry: created with its folder when absent; a clear error naming the file when the
/// path is not a registry or cannot be written.
@Suite struct RunRegistryOpeningTests {
  @Test func anAbsentRegistryIsCreatedWithItsFolderUnlessAskedNotTo() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/out/nested/phare.sqlite"
    #expect(throws: RegistryError(file: path, problem: "no such file")) {
      try RunRegistry(path: path, creating: false)
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    _ = try RunRegistry(path: path)
    #expect(try DatabaseQueue(path: path).read(RegistrySchema.migrator.appliedMigrations) == ["v1", "v2"])
    _ = try RunRegistry(path: path, creating: false)
  }

  @Test func aTextFileIsNotARegistry() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write("phare.sqlite", String(repeating: "wave,rows\n2016,304\n", count: 100))
    let error = try #require(throws: RegistryError.self) { try RunRegistry(path: path) }
    #expect(
      error.description == "\(path): not an SQLite database, so not a phare run registry (file is not a database)")
  }

  @Test func anotherSQLiteDatabaseIsNotARegistry() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/other.sqlite"
    try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE player (id INTEGER PRIMARY KEY)") }
    #expect(
      throws: RegistryError(file: path, problem: "an SQLite database but not a phare run registry (tables player)")
    ) {
      try RunRegistry(path: path)
    }
  }

  @Test func aRegistryFromANewerPhareIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/phare.sqlite"
    _ = try RunRegistry(path: path)
    try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v3')") }
    let error = try #require(throws: RegistryError.self) { try RunRegistry(path: path) }
    #expect(
      error.problem
        == "the registry has schema migrations this phare (\(PhareVersion.current)) does not know (v3): "
        + "written by a newer phare?")
  }

  @Test func anUnwritablePathIsNamed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("out", "a file where the registry's folder should be\n")
    let path = file + "/phare.sqlite"
    let error = try #require(throws: RegistryError.self) { try RunRegistry(path: path) }
    #expect(error.file == path && error.problem.hasPrefix("cannot create its folder \(file): "))
    #expect(throws: RegistryError(file: folder.path, problem: "cannot be opened (unable to open database file)")) {
      try RunRegistry(path: folder.path)
    }
  }
}
