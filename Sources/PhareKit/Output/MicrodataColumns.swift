/// The columns phare adds to a wave's clean microdata (clean.csv, clean.sav, clean.dta) besides
/// the clean table's: their names are reserved, so no codebook or derived variable can take them.
public enum MicrodataColumns {
  /// The row's physical line in the export.
  public static let line = "line"
  public static let lineLabel = "Ligne de l'export"
  /// The row's final weight (after calibration and trimming), blank where the weight stage set it aside.
  public static let finalWeight = "final_weight"
  public static let finalWeightLabel = "Poids final (redressement)"

  /// The reserved names.
  public static let reserved = [line, finalWeight]

  /// The problem with a variable or item named `name`, if it takes a reserved name.
  static func problem(naming name: String, _ context: String) -> String? {
    guard reserved.contains(name) else { return nil }
    return "\(context): '\(name)' is reserved for the column phare adds to clean.csv and clean.sav"
  }
}
