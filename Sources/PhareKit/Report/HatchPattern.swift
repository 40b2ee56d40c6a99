/// The SVG pattern low-base cells are hatched with: alternate dark and light stripes at 45°,
/// visible on a light fill and on a dark one.
enum HatchPattern {
  /// The `<pattern>` with id `id`, to put in an SVG's `<defs>`.
  static func definition(id: String) -> String {
    "<pattern id=\"\(id)\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\" "
      + "patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"10\" fill=\"#000000\" fill-opacity=\"0.3\"/>"
      + "<rect x=\"5\" width=\"2\" height=\"10\" fill=\"#ffffff\" fill-opacity=\"0.5\"/></pattern>"
  }
}
