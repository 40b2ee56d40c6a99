import Foundation

/// The dashboard feed of the territorial matrix of one wave (`<matrix>/<wave>/feed.json`,
/// described by `Schemas/matrix-feed.schema.json`): the regions, domains and measures, then one
/// cell per (region or nation, domain, measure) with the value of the indicator behind it, in the
/// units of the survey feeds (proportions from 0 to 1 with `percent` for display, score for
/// means) and that indicator's id.
public struct MatrixFeed: Sendable {
  /// Versioned as the survey feed: additive changes bump the minor version, breaking ones the major.
  public static let schemaVersion = "2.1.0"

  struct Measure: Sendable, Equatable {
    var id: String
    var label: String
    /// Who answered, and the unit of the measure's values; nil when no wave estimate exists.
    var actor: String?
    var unit: String?
  }

  struct Cell: Sendable, Equatable {
    /// The region id (INSEE code), nil for the national row.
    var region: String?
    var domain: String
    var measure: String
    /// The survey feed's id of the indicator behind the cell, nil for a blank cell.
    var indicator: String?
    var value: Feed.Value?
    /// `actor-wave-missing` when the measure's pipeline has not delivered the wave; else empty.
    var flags: [String]
  }

  var generatedAt: Date
  var matrix: String
  var title: String
  var wave: String
  var regions: [Feed.Region]
  var domains: [FragilityDomain]
  var measures: [Measure]
  var cells: [Cell]

  public init(_ matrix: TerritorialMatrix, generatedAt: Date) {
    self.generatedAt = generatedAt
    self.matrix = matrix.spec.name
    title = matrix.spec.title
    wave = matrix.wave
    domains = matrix.domains
    var regions: [Feed.Region] = []
    for cell in matrix.cells where !cell.rowValue.isEmpty && !regions.contains(where: { $0.label == cell.rowLabel }) {
      regions.append(Feed.Region(id: Self.regionID(cell.rowValue), label: cell.rowLabel))
    }
    self.regions = regions
    measures = matrix.spec.measures.map { measure in
      let indicator = matrix.cells.first { $0.measure.id == measure.id && $0.indicator != nil }?.indicator
      return Measure(
        id: measure.id, label: measure.label, actor: indicator?.actor,
        unit: indicator.map { Feed.units[$0.statistic]! })
    }
    cells = matrix.cells.map { cell in
      Cell(
        region: cell.rowValue.isEmpty ? nil : Self.regionID(cell.rowValue), domain: cell.domain.id,
        measure: cell.measure.id, indicator: cell.indicator.map(Feed.id(of:)), value: cell.indicator.map(Feed.value),
        flags: cell.coverageFlags)
    }
  }

  private static func regionID(_ code: String) -> String {
    Int(code).map(Feed.regionID) ?? code
  }
}
