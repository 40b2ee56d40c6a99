/// One weighting cell of a survey design (e.g. a region × rural / urban): its codes, its size in
/// the population and the respondents the sample allocates to it.
struct DesignCell: Sendable {
  var codes: [String: Int]
  var population: Double
  var respondents: Int

  subscript(_ variable: String) -> Int { codes[variable]! }
}
