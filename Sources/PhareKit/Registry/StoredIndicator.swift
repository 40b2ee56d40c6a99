import Foundation
import GRDB

/// A row of the `indicator` table. Numbers are REAL, but NaN, which SQLite would turn into NULL
/// (the nil of an optional), is stored as the text `NaN`; flags are a JSON array.
struct StoredIndicator: FetchableRecord, PersistableRecord {
  static let databaseTableName = "indicator"

  var waveID: Int64
  var indicator: Indicator

  /// The columns the registry's queries filter and sort on.
  enum Columns {
    static let id = GRDB.Column("id")
    static let waveID = GRDB.Column("wave_id")
    static let breakdown = GRDB.Column("breakdown")
    static let variable = GRDB.Column("variable")
  }

  init(_ indicator: Indicator, wave: Int64) {
    waveID = wave
    self.indicator = indicator
  }

  init(row: Row) throws {
    let wave: Int64 = row["wave_id"]
    waveID = wave
    func mismatch(_ problem: String) -> DatabaseError {
      DatabaseError(resultCode: .SQLITE_MISMATCH, message: "an indicator of wave row \(wave): \(problem)")
    }
    let statisticName: String = row["statistic"]
    guard let statistic = Indicator.Statistic(rawValue: statisticName) else {
      throw mismatch("unknown statistic '\(statisticName)'")
    }
    func number(_ column: String) throws -> Double? {
      let value: DatabaseValue = row[column]
      if value.isNull { return nil }
      if let text = String.fromDatabaseValue(value) {
        guard text == "NaN" else { throw mismatch("\(column) is the text '\(text)'") }
        return .nan
      }
      guard let number = Double.fromDatabaseValue(value) else { throw mismatch("\(column) is \(value)") }
      return number
    }
    func required(_ column: String) throws -> Double {
      guard let value = try number(column) else { throw mismatch("\(column) is NULL") }
      return value
    }
    let flags: String = row["flags"]
    indicator = Indicator(
      actor: row["actor"], domain: row["domain"], domainLabel: row["domain_label"], breakdown: row["breakdown"],
      breakdownValue: row["breakdown_value"], breakdownLabel: row["breakdown_label"], variable: row["variable"],
      variableLabel: row["variable_label"], category: row["category"], categoryLabel: row["category_label"],
      statistic: statistic, estimate: try required("estimate"), standardError: try required("se"),
      lower: try required("ci_lower"), upper: try required("ci_upper"), intervalMethod: row["ci_method"],
      designEffect: try number("deff"), respondents: row["n"], weightedTotal: try required("weighted_n"),
      effectiveRespondents: try number("effective_n"), coefficientOfVariation: try number("cv"),
      degreesOfFreedom: try required("df"), differenceFromNational: try number("diff_national"),
      differenceFromNationalSE: try number("diff_national_se"), differenceFromRest: try number("diff_rest"),
      differenceFromRestSE: try number("diff_rest_se"),
      flags: flags == "[]" ? [] : try Self.flagsDecoder.decode([String].self, from: Data(flags.utf8)))
  }

  func encode(to container: inout PersistenceContainer) throws {
    func number(_ value: Double?) -> DatabaseValue {
      guard let value else { return .null }
      return value.isNaN ? "NaN".databaseValue : value.databaseValue
    }
    let indicator = self.indicator
    container["wave_id"] = waveID
    container["actor"] = indicator.actor
    container["domain"] = indicator.domain
    container["domain_label"] = indicator.domainLabel
    container["breakdown"] = indicator.breakdown
    container["breakdown_value"] = indicator.breakdownValue
    container["breakdown_label"] = indicator.breakdownLabel
    container["variable"] = indicator.variable
    container["variable_label"] = indicator.variableLabel
    container["category"] = indicator.category
    container["category_label"] = indicator.categoryLabel
    container["statistic"] = indicator.statistic.rawValue
    container["estimate"] = number(indicator.estimate)
    container["se"] = number(indicator.standardError)
    container["ci_lower"] = number(indicator.lower)
    container["ci_upper"] = number(indicator.upper)
    container["ci_method"] = indicator.intervalMethod
    container["deff"] = number(indicator.designEffect)
    container["n"] = indicator.respondents
    container["weighted_n"] = number(indicator.weightedTotal)
    container["effective_n"] = number(indicator.effectiveRespondents)
    container["cv"] = number(indicator.coefficientOfVariation)
    container["df"] = number(indicator.degreesOfFreedom)
    container["diff_national"] = number(indicator.differenceFromNational)
    container["diff_national_se"] = number(indicator.differenceFromNationalSE)
    container["diff_rest"] = number(indicator.differenceFromRest)
    container["diff_rest_se"] = number(indicator.differenceFromRestSE)
    container["flags"] =
      indicator.flags.isEmpty ? "[]" : String(decoding: try Self.flagsEncoder.encode(indicator.flags), as: UTF8.self)
  }

  // One coder for every row (most rows have no flag, and skip it): making one per row cost more
  // than the rest of the row.
  private static let flagsEncoder = JSONEncoder()
  private static let flagsDecoder = JSONDecoder()
}
