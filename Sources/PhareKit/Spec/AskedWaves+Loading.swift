import Yams

extension AskedWaves {
  /// Reads `waves:` of a codebook variable: a list of wave ids or a mapping with `from`, `to` or
  /// both. Every id must be able to name a wave (`WaveFile.isValidID`); a list is not empty and
  /// names each wave once; `from` does not come after `to`. Problems go to `reader`, with their
  /// line; nil when the value cannot be used.
  static func load(_ node: Node, _ context: String, reader: SpecReader) -> AskedWaves? {
    let context = "waves of \(context)"
    func wave(_ node: Node?, _ what: String) -> String? {
      guard let id = reader.string(node, "\(what) of \(context)") else { return nil }
      guard WaveFile.isValidID(id) else {
        reader.report(node, "\(context): " + WaveFile.invalidIDProblem(id))
        return nil
      }
      return id
    }
    switch node {
    case .sequence(let sequence):
      let items = Array(sequence)
      guard !items.isEmpty else {
        reader.report(node, "\(context) lists no wave; leave waves out for a variable asked in every wave")
        return nil
      }
      let waves = items.map { wave($0, "a wave") }
      let repeated = waves.indices.filter { waves[$0] != nil && waves[..<$0].contains(waves[$0]) }
      for index in repeated { reader.report(items[index], "\(context) lists wave \(waves[index]!) twice") }
      return waves.contains(nil) || !repeated.isEmpty ? nil : .listed(waves.compactMap { $0 })
    case .mapping:
      let fields = reader.fields(node, context, allowed: ["from", "to"])
      guard !fields.isEmpty else {
        reader.report(node, "\(context) needs from, to or both, e.g. {from: 2016}")
        return nil
      }
      let bounds = Dictionary(
        uniqueKeysWithValues: fields.keys.sorted().compactMap { key in wave(fields[key], "'\(key)'").map { (key, $0) } }
      )
      guard bounds.count == fields.count else { return nil }
      if let from = bounds["from"], let to = bounds["to"], to < from {
        reader.report(
          node, "\(context): from \(from) comes after to \(to) (wave ids compare as text), so no wave would ask it")
        return nil
      }
      return .range(from: bounds["from"], to: bounds["to"])
    default:
      reader.report(node, "\(context) should be a list of wave ids, e.g. [2016, 2017], or {from: 2016, to: 2017}")
      return nil
    }
  }
}
