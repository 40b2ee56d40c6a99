/// Coordinates in SVG: one decimal, a decimal point (SVG is not localised).
enum SVGNumber {
  static func format(_ value: Double) -> String {
    let text = Format.fixed(value, 1)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
