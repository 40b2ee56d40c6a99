import Foundation

/// A sequential colour scale from light (least value) to dark blue (greatest), interpolated
/// linearly in sRGB between three stops chosen for phare; the legend draws it as a gradient.
struct ColourScale {
  /// The stops, light to dark, as RGB 0–255.
  static let stops: [(red: Double, green: Double, blue: Double)] = [(241, 245, 251), (107, 155, 206), (11, 60, 115)]

  let lower: Double
  let upper: Double

  /// The scale over `values` (their least and greatest); a single value gets the scale's middle.
  init(values: [Double]) {
    let least = values.min() ?? 0
    let greatest = values.max() ?? 1
    lower = least < greatest ? least : least - 0.5
    upper = least < greatest ? greatest : greatest + 0.5
  }

  /// Where `value` sits on the scale, 0–1.
  func position(_ value: Double) -> Double {
    min(max((value - lower) / (upper - lower), 0), 1)
  }

  /// The fill of `value`, `#rrggbb`.
  func colour(_ value: Double) -> String {
    Self.hex(Self.rgb(at: position(value)))
  }

  /// Black or white, whichever reads better on `value`'s fill (WCAG relative luminance).
  func textColour(_ value: Double) -> String {
    let (red, green, blue) = Self.rgb(at: position(value))
    func linear(_ channel: Double) -> Double {
      let c = channel / 255
      return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    let luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return luminance > 0.22 ? "#111111" : "#ffffff"
  }

  /// The stops as `#rrggbb`, light to dark, for the legend's gradient.
  static var stopColours: [String] { stops.map(hex) }

  private static func rgb(at position: Double) -> (Double, Double, Double) {
    let scaled = position * Double(stops.count - 1)
    let index = min(Int(scaled), stops.count - 2)
    let t = scaled - Double(index)
    let (a, b) = (stops[index], stops[index + 1])
    return (a.red + (b.red - a.red) * t, a.green + (b.green - a.green) * t, a.blue + (b.blue - a.blue) * t)
  }

  private static func hex(_ rgb: (Double, Double, Double)) -> String {
    "#"
      + [rgb.0, rgb.1, rgb.2].map { channel in
        let value = Int(channel.rounded())
        return (value < 16 ? "0" : "") + String(value, radix: 16)
      }.joined()
  }
}
