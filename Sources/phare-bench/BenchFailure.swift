/// A benchmark that cannot produce a meaningful figure: the floor failed, or phare and the floor disagree on the file.
struct BenchFailure: Error, CustomStringConvertible {
  let description: String
}
