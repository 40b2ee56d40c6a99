import Foundation
import GRDB

/// A row of the `indicator` table. Numbers are REAL, but NaN, which SQLite would turn into NULL
/// (the nil of an optional), is stored as the text `NaN`; flags are a JSON array.
struct StoredIndicator: FetchableRecord, TableRecord {
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

  /// The columns a fetch reads, in this order: `init(row:)` reads them by position (by name, each
  /// cell of each row cost a look-up).
  static let selectedColumns = [
    "wave_id", "statistic", "actor", "domain", "domain_label", "breakdown", "breakdown_value", "breakdown_label",
    "variable", "variable_label", "category", "category_label", "estimate", "se", "ci_lower", "ci_upper", "ci_method",
    "deff", "n", "weighted_n", "effective_n", "cv", "df", "diff_national", "diff_national_se", "diff_rest",
    "diff_rest_se", "flags",
  ]
  static var databaseSelection: [any SQLSelectable] { selectedColumns.map { GRDB.Column($0) } }

  init(row: Row) throws {
    var position = 0
    func next<Value: DatabaseValueConvertible>() -> Value {
      defer { position += 1 }
      return row[position]
    }
    let wave: Int64 = next()
    waveID = wave
    func mismatch(_ problem: String) -> DatabaseError {
      DatabaseError(resultCode: .SQLITE_MISMATCH, message: "an indicator of wave row \(wave): \(problem)")
    }
    func number() throws -> Double? {
      let column = Self.selectedColumns[position]
      let value: DatabaseValue = next()
      if value.isNull { return nil }
      if let text = String.fromDatabaseValue(value) {
        guard text == "NaN" else { throw mismatch("\(column) is the text '\(text)'") }
        return .nan
      }
      guard let number = Double.fromDatabaseValue(value) else { throw mismatch("\(column) is \(value)") }
      return number
    }
    func required() throws -> Double {
      let column = Self.selectedColumns[position]
      guard let value = try number() else { throw mismatch("\(column) is NULL") }
      return value
    }
    let statisticName: String = next()
    guard let statistic = Indicator.Statistic(rawValue: statisticName) else {
      throw mismatch("unknown statistic '\(statisticName)'")
    }
    // Read in `databaseSelection`'s order: arguments are evaluated left to right.
    indicator = Indicator(
      actor: next(), domain: next(), domainLabel: next(), breakdown: next(), breakdownValue: next(),
      breakdownLabel: next(), variable: next(), variableLabel: next(), category: next(), categoryLabel: next(),
      statistic: statistic, estimate: try required(), standardError: try required(), lower: try required(),
      upper: try required(), intervalMethod: next(), designEffect: try number(), respondents: next(),
      weightedTotal: try required(), effectiveRespondents: try number(), coefficientOfVariation: try number(),
      degreesOfFreedom: try required(), differenceFromNational: try number(), differenceFromNationalSE: try number(),
      differenceFromRest: try number(), differenceFromRestSE: try number(), flags: [])
    let flags: String = next()
    indicator.flags = flags == "[]" ? [] : try Self.flagsDecoder.decode([String].self, from: Data(flags.utf8))
  }

  /// Inserts the indicators of wave row `wave`, through one prepared statement (a record insert
  /// builds its statement's arguments by column name, which cost more than SQLite's work).
  static func insert(_ indicators: [Indicator], wave: Int64, into db: Database) throws {
    let columns = selectedColumns.joined(separator: ", ")
    let placeholders = selectedColumns.map { _ in "?" }.joined(separator: ", ")
    let statement = try db.cachedStatement(
      sql: "INSERT INTO \(databaseTableName) (\(columns)) VALUES (\(placeholders))")
    for indicator in indicators {
      try statement.execute(arguments: StatementArguments(try values(of: indicator, wave: wave)))
    }
  }

  /// A row's values in `selectedColumns`' order; NaN as the text `NaN`, flags as a JSON array.
  private static func values(of indicator: Indicator, wave: Int64) throws -> [DatabaseValue] {
    func number(_ value: Double?) -> DatabaseValue {
      guard let value else { return .null }
      return value.isNaN ? "NaN".databaseValue : value.databaseValue
    }
    let flags =
      indicator.flags.isEmpty ? "[]" : String(decoding: try flagsEncoder.encode(indicator.flags), as: UTF8.self)
    return [
      wave.databaseValue, indicator.statistic.rawValue.databaseValue, indicator.actor.databaseValue,
      indicator.domain.databaseValue, indicator.domainLabel.databaseValue, indicator.breakdown.databaseValue,
      indicator.breakdownValue.databaseValue, indicator.breakdownLabel.databaseValue, indicator.variable.databaseValue,
      indicator.variableLabel.databaseValue, indicator.category.databaseValue, indicator.categoryLabel.databaseValue,
      number(indicator.estimate), number(indicator.standardError), number(indicator.lower), number(indicator.upper),
      indicator.intervalMethod.databaseValue, number(indicator.designEffect), indicator.respondents.databaseValue,
      number(indicator.weightedTotal), number(indicator.effectiveRespondents), number(indicator.coefficientOfVariation),
      number(indicator.degreesOfFreedom), number(indicator.differenceFromNational),
      number(indicator.differenceFromNationalSE), number(indicator.differenceFromRest),
      number(indicator.differenceFromRestSE), flags.databaseValue,
    ]
  }

  // One coder for every row (most rows have no flag, and skip it): making one per row cost more
  // than the rest of the row.
  private static let flagsEncoder = JSONEncoder()
  private static let flagsDecoder = JSONDecoder()
}
