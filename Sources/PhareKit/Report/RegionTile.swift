import Foundation

/// A tile of the report's regional map: one of the 13 regions of mainland France (INSEE codes
/// since 2016) at a grid position approximating its place on the map.
///
/// The grid is drawn by hand for phare, from no map data: each region's tile sits where its
/// centroid falls on a 5 × 5 grid (west to east, north to south), moved so that tiles that touch
/// are regions that share a border (Hauts-de-France alone on top; Bretagne, Normandie,
/// Île-de-France, Grand Est; Pays de la Loire, Centre-Val de Loire, Bourgogne-Franche-Comté;
/// Nouvelle-Aquitaine, Auvergne-Rhône-Alpes; Occitanie, Provence-Alpes-Côte d'Azur; Corse apart
/// at the south-east). It shows values, not areas: every region has the same size.
struct RegionTile: Sendable {
  /// The breakdown whose levels are the regions, by INSEE code.
  static let breakdown = "region"

  /// The INSEE region code, as the breakdown's values write it.
  let code: String
  /// The name printed on the tile (the codebook's label names the region elsewhere).
  let name: String
  /// The region's name as INSEE writes it, which the codebook's label of `code` must match.
  let officialName: String
  /// Grid position, in tiles from the top left corner.
  let column: Double
  let row: Double

  static let metropolitan: [RegionTile] = [
    RegionTile(code: "32", name: "Hauts-de-France", officialName: "Hauts-de-France", column: 2, row: 0),
    RegionTile(code: "53", name: "Bretagne", officialName: "Bretagne", column: 0, row: 1),
    RegionTile(code: "28", name: "Normandie", officialName: "Normandie", column: 1, row: 1),
    RegionTile(code: "11", name: "Île-de-France", officialName: "Île-de-France", column: 2, row: 1),
    RegionTile(code: "44", name: "Grand Est", officialName: "Grand Est", column: 3, row: 1),
    RegionTile(code: "52", name: "Pays de la Loire", officialName: "Pays de la Loire", column: 1, row: 2),
    RegionTile(code: "24", name: "Centre-Val de Loire", officialName: "Centre-Val de Loire", column: 2, row: 2),
    RegionTile(code: "27", name: "Bourgogne-Fr.-Comté", officialName: "Bourgogne-Franche-Comté", column: 3, row: 2),
    RegionTile(code: "75", name: "Nouvelle-Aquitaine", officialName: "Nouvelle-Aquitaine", column: 1, row: 3),
    RegionTile(code: "84", name: "Auvergne-Rh.-Alpes", officialName: "Auvergne-Rhône-Alpes", column: 2, row: 3),
    RegionTile(code: "76", name: "Occitanie", officialName: "Occitanie", column: 2, row: 4),
    RegionTile(
      code: "93", name: "Prov.-Alpes-C. d'Azur", officialName: "Provence-Alpes-Côte d'Azur", column: 3, row: 4),
    RegionTile(code: "94", name: "Corse", officialName: "Corse", column: 4.2, row: 4.4),
  ]

  /// The regions of an indicator that contradict the tiles: a tile's INSEE code labelled as
  /// another region, or a tile's region under another code (a codebook whose region codes are
  /// not INSEE's). A label names a region when it holds its official name, compared without case,
  /// accents, spaces or punctuation.
  static func contradicted(by regions: [Indicator]) -> [Indicator] {
    func folded(_ name: String) -> String {
      String(name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter(\.isLetter))
    }
    return regions.filter { region in
      let label = folded(region.breakdownLabel)
      return metropolitan.contains { tile in
        (tile.code == region.breakdownValue) != label.contains(folded(tile.officialName))
      }
    }
  }
}
