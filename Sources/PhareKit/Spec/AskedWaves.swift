/// The waves in which a codebook variable is asked (`waves:` in the codebook): a list of wave ids
/// (`[2016, 2017]`) or a range (`{from: 2016}`, `{to: 2016}`, `{from: 2015, to: 2017}`, both ends
/// included). Wave ids compare as text, character by character — the order in which trends.csv and
/// the feeds put waves (`Trend.series`) — so `2016-S1` falls after `2016` and before `2017`, and
/// a bound need not be a wave that exists; numbered waves need a fixed width (`W09`, `W10`).
public enum AskedWaves: Equatable, Sendable, CustomStringConvertible {
  case listed([String])
  case range(from: String?, to: String?)

  /// Whether the variable is asked in `wave`.
  public func contains(_ wave: String) -> Bool {
    switch self {
    case .listed(let waves): return waves.contains(wave)
    case .range(let from, let to): return (from.map { $0 <= wave } ?? true) && (to.map { wave <= $0 } ?? true)
    }
  }

  /// Whether no wave id can be in both: two variables so declared (a question reworded in 2017,
  /// `{to: 2016}` and `{from: 2017}`) may read the same export column.
  public func isDisjoint(from other: AskedWaves) -> Bool {
    switch (self, other) {
    case (.listed(let a), .listed(let b)): return Set(a).isDisjoint(with: b)
    case (.listed(let a), .range): return !a.contains(where: other.contains)
    case (.range, .listed(let b)): return !b.contains(where: contains)
    case (.range(let from1, let to1), .range(let from2, let to2)):
      func before(_ end: String?, _ start: String?) -> Bool { end.flatMap { end in start.map { end < $0 } } ?? false }
      return before(to1, from2) || before(to2, from1)
    }
  }

  /// As a codebook writes it: `[2016, 2017]`, `{from: 2016}`, `{from: 2015, to: 2017}`.
  public var description: String {
    switch self {
    case .listed(let waves):
      return "[" + waves.joined(separator: ", ") + "]"
    case .range(let from, let to):
      return "{" + [from.map { "from: \($0)" }, to.map { "to: \($0)" }].compactMap { $0 }.joined(separator: ", ") + "}"
    }
  }
}
