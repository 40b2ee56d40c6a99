/// A column written after the clean table's own in the wave's microdata (the final weight).
struct MicrodataColumn: Sendable {
  var variable: CleanVariable
  var column: Column
}
