/// What the generator adds to the published figures, keyed by name so it never depends on the seed:
/// centred regional offsets (national truth unchanged) and the drift of the unpublished waves.
enum ModelVariation {
  /// Offsets in [-amplitude, amplitude] per category (e.g. region code), centred on 0 with the
  /// categories' population weights, so that a national figure keeps its value. Not published: plausible.
  static func offsets(_ key: String, amplitude: Double, weights: [Int: Double]) -> [Int: Double] {
    var random = SplitMix64(seed: StableHash.of("offsets " + key))
    let codes = weights.keys.sorted()
    let raw = Dictionary(uniqueKeysWithValues: codes.map { ($0, amplitude * (2 * random.unit() - 1)) })
    let total = codes.reduce(0) { $0 + weights[$1]! }
    let centre = codes.reduce(0) { $0 + weights[$1]! * raw[$1]! } / total
    return raw.mapValues { $0 - centre }
  }

  /// The drift of a figure from its published wave to another: 1 to 3 points up or down (in
  /// percentage points; callers scale it), the same for every cell. Not published: plausible.
  static func drift(_ key: String, wave: Int, truthWave: Int) -> Double {
    guard wave != truthWave else { return 0 }
    var random = SplitMix64(seed: StableHash.of("drift \(wave) " + key))
    let size = Double(1 + random.below(3))
    return random.below(2) == 0 ? size : -size
  }

  /// A regional offset sized to a share: up to `points` for a share of 50%, less near 0 or 100%.
  static func scaled(_ points: Double, for share: Double) -> Double {
    points * 2 * (share * (1 - share)).squareRoot() / 100
  }

  /// The shares with the first one moved by `delta`, the others rescaled so they still add up to 1.
  static func shifted(_ shares: [Double], by delta: Double) -> [Double] {
    let rest = 1 - shares[0]
    let factor = (rest - delta) / rest
    return [shares[0] + delta] + shares.dropFirst().map { $0 * factor }
  }

  /// A share in one region and wave: the national truth, the region's centred offset (up to 4
  /// points at 50%; not published: plausible) and the wave's drift (1 to 3 points).
  static func share(
    _ key: String, _ national: Double, region: Int, weights: [Int: Double], wave: Int, truthWave: Int
  ) -> Double {
    national + scaled(4, for: national) * offsets(key, amplitude: 1, weights: weights)[region]!
      + drift(key, wave: wave, truthWave: truthWave) / 100
  }

  /// A mean score out of 10 in one region and wave: offsets up to 0.4, drift 0.1 to 0.3.
  static func score(
    _ key: String, _ national: Double, region: Int, weights: [Int: Double], wave: Int, truthWave: Int
  ) -> Double {
    national + offsets(key, amplitude: 0.4, weights: weights)[region]!
      + drift(key, wave: wave, truthWave: truthWave) / 10
  }
}
