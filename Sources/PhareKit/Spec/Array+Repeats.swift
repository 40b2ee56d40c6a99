extension Array where Element: Equatable {
  /// The positions of the elements listed earlier in the array too: a spec list's repeats.
  var repeatedPositions: [Int] {
    indices.filter { self[..<$0].contains(self[$0]) }
  }
}
