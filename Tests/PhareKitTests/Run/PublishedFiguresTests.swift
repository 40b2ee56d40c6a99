import Foundation
import Testing

@testable import PhareKit

/// The published PHARE figures the bundled fixtures model (`Fixtures/published/published-figures.csv`,
/// copied from the publications with their source) each lie inside the 95% interval phare
/// estimates from the fixtures, through every stage: ingest, clean, weight, estimate.
@Suite struct PublishedFiguresTests {
  /// One published figure and where phare's outputs hold it.
  struct Figure {
    var pipeline, wave, variable, category, breakdown, breakdownValue, statistic: String
    var scale, value: Double
    var question: String

    func matches(_ indicator: Indicator) -> Bool {
      indicator.variable == variable && indicator.category == category && indicator.breakdown == breakdown
        && indicator.breakdownValue == breakdownValue && indicator.statistic.rawValue == statistic
    }
  }

  static func figures() throws -> [Figure] {
    let ingest = try CSVReader().read(Fixtures.repository + "/Fixtures/published/published-figures.csv")
    #expect(ingest.rowsQuarantined == 0)
    let table = ingest.table
    func text(_ column: String, _ row: Int) -> String { table[column]?.text(at: row) ?? "" }
    return (0..<table.rowCount).map { row in
      Figure(
        pipeline: text("pipeline", row), wave: text("wave", row), variable: text("variable", row),
        category: text("category", row), breakdown: text("breakdown", row),
        breakdownValue: text("breakdown_value", row), statistic: text("statistic", row),
        scale: Double(text("scale", row)) ?? .nan, value: Double(text("value", row)) ?? .nan,
        question: text("question", row))
    }
  }

  @Test func everyModelledFigureLiesInsidePharesInterval() throws {
    // Rows of other statistics record the sample design the generator follows, not a published estimate.
    let figures = try Self.figures().filter { ["proportion", "mean"].contains($0.statistic) }
    #expect(figures.count >= 100)
    #expect(Set(figures.map(\.pipeline)) == ["institutions", "citoyens", "associations", "entreprises"])
    var indicators: [String: [Indicator]] = [:]
    for pipeline in Set(figures.map(\.pipeline)) {
      let loaded = try Pipeline.load(Fixtures.pipelines(pipeline + ".yml"))
      for result in try PipelineRunner(pipeline: loaded).run(through: .estimate) {
        #expect(result.problem == nil, "\(pipeline) wave \(result.file.wave): \(result.problem ?? "")")
        indicators[pipeline + "/" + result.file.wave] = result.indicators ?? []
      }
    }
    for figure in figures {
      let found = indicators[figure.pipeline + "/" + figure.wave, default: []].filter(figure.matches)
      guard found.count == 1, let indicator = found.first else {
        Issue.record(
          "\(figure.pipeline) \(figure.wave) \(figure.variable) \(figure.category): \(found.count) indicators")
        continue
      }
      let published = figure.value / figure.scale
      #expect(
        indicator.lower <= published && published <= indicator.upper,
        """
        \(figure.question) (\(figure.pipeline) \(figure.wave), \(figure.breakdown) \(figure.breakdownValue), \
        \(figure.variable) = \(figure.category)): published \(figure.value), phare \(indicator.estimate * figure.scale) \
        [\(indicator.lower * figure.scale), \(indicator.upper * figure.scale)]
        """)
      #expect(!indicator.isSuppressed)
    }
  }
}
