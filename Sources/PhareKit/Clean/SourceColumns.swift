import Foundation

/// The export's columns that variables being cleaned at once still have to read, by name: each
/// is let go once the last variable reading it is done, so a wave is not held twice (as read and
/// as cleaned). Shared by the variables cleaned on every core, behind a lock.
final class SourceColumns: @unchecked Sendable {
  private let lock = NSLock()
  private var columns: [String: Column]
  private var readersLeft: [String: Int]

  /// `columns` as `IngestResult.takeColumns` hands them over, for `variables`: the columns none
  /// of them reads (personal data, unknown columns) are let go at once.
  init(_ columns: [String: Column], variables: [CodebookVariable]) {
    var readers: [String: Int] = [:]
    for variable in variables {
      for name in Self.names(readBy: variable, among: columns) { readers[name, default: 0] += 1 }
    }
    self.columns = columns.filter { name, _ in readers[name] != nil }
    readersLeft = readers
  }

  /// The columns `variable` reads, by name (to `release` once read).
  func columns(readBy variable: CodebookVariable) -> [String: Column] {
    lock.withLock {
      Dictionary(uniqueKeysWithValues: Self.names(readBy: variable, among: columns).map { ($0, columns[$0]!) })
    }
  }

  /// Counts the columns named as read, letting go of those no other variable reads.
  func release(_ names: some Sequence<String>) {
    lock.withLock {
      for name in names {
        readersLeft[name, default: 1] -= 1
        if readersLeft[name] == 0 { columns[name] = nil }
      }
    }
  }

  /// The export columns a variable reads: its items' columns, or the first of its source names
  /// the export has; none for personal data, which never reaches the clean table.
  static func names(readBy variable: CodebookVariable, among columns: [String: Column]) -> [String] {
    switch variable.kind {
    case .personal: return []
    case .multiple where !variable.items.isEmpty: return variable.items.map(\.name).filter { columns[$0] != nil }
    default: return variable.sources.first { columns[$0] != nil }.map { [$0] } ?? []
    }
  }
}
