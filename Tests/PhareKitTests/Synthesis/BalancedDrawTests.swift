import Testing

@testable import PhareKit

extension SynthesisTests {
  /// Controlled rounding: a cell's answers are its size × the truth shares, rounded by largest remainder.
  @Suite struct BalancedDrawTests {
    private func draw(_ size: Int, seed: UInt64 = 1) -> BalancedDraw {
      BalancedDraw(size: size, random: SplitMix64(seed: seed))
    }

    @Test func largestRemainderKeepsTheTotal() {
      // 4.6, 3.7, 1.7: the two largest remainders (.7, .7) get the two units left.
      #expect(Apportionment.largestRemainder(10, weights: [0.46, 0.37, 0.17]) == [4, 4, 2])
      // 3 each, then 11 as 2.75, 2.75, 5.5.
      #expect(Apportionment.withFloor(20, floor: 3, weights: [1, 1, 2]) == [6, 6, 8])
      #expect(Apportionment.roundKeepingTotal([0.4, 0.4, 0.4]) == [1, 0, 0])
    }

    @Test func singleAnswersAreTheSharesOfThoseWhoAnswered() {
      var cell = draw(20)
      let answers = cell.single([(1, 0.87), (2, 0.13)], .dontKnow(9, 0.05, blank: 0))
      // 1 « Ne sait pas » (5% of 20), then 19 × 87% = 16.53 → 17 Oui and 2 Non.
      #expect(answers.filter { $0 == 1 }.count == 17)
      #expect(answers.filter { $0 == 2 }.count == 2)
      #expect(answers.filter { $0 == 9 }.count == 1)
      var other = draw(20, seed: 2)
      let shuffled = other.single([(1, 0.87), (2, 0.13)], .dontKnow(9, 0.05, blank: 0))
      #expect(
        shuffled != answers && shuffled.sorted { ($0 ?? 0) < ($1 ?? 0) } == answers.sorted { ($0 ?? 0) < ($1 ?? 0) })
    }

    @Test func followUpsGoOnlyToTheirRows() {
      var cell = draw(10)
      let answers = cell.single([(1, 0.5), (2, 0.5)], .none, among: [0, 2, 4, 6])
      #expect(answers.indices.filter { answers[$0] != nil } == [0, 2, 4, 6])
      #expect(answers.filter { $0 == 1 }.count == 2)
    }

    @Test func scoresAddUpToTheirMeanTimesTheRespondents() {
      var cell = draw(37)
      let scores = cell.scores(mean: 6.3, range: 0...10, .dontKnow(99, 0.03, blank: 0.01))
      let answered = scores.compactMap { $0 }.filter { $0 != 99 }
      #expect(answered.count == 36)  // 37 × 96% = 35.52, the largest remainder of 37 split 96 / 3 / 1
      #expect(answered.reduce(0, +) == 227)  // 36 × 6.3 = 226.8, rounded
      #expect(Set(answered).count > 5)  // spread, not a constant
    }

    @Test func countsAverageTheirMean() {
      var cell = draw(30)
      let counts = cell.counts(mean: 4.5, maximum: 40, .none, among: Array(0..<20))
      let given = counts.compactMap { $0 }
      #expect(given.count == 20 && given.allSatisfy { $0 >= 1 } && given.reduce(0, +) == 90)
    }

    @Test func itemsAreChosenInTheirSharesAndEveryoneChoosesOne() {
      var cell = draw(40)
      let items = cell.items([0.36, 0.22, 0.14, 0.11, 0.25], .dontKnow(99, 0.15, blank: 0))
      #expect(items.map { $0.filter { $0 == 1 }.count } == [12, 7, 5, 4, 9])  // of 34 who answered
      let answering = (0..<40).filter { items[0][$0] != 99 }
      #expect(answering.count == 34)
      #expect(answering.allSatisfy { row in items.contains { $0[row] == 1 } })
    }

    @Test func regionalOffsetsLeaveTheNationalFigureUnchanged() {
      let weights: [Int: Double] = [11: 9_243_000, 24: 2_023_000, 94: 267_000]
      let offsets = ModelVariation.offsets("alliances", amplitude: 1, weights: weights)
      #expect(abs(weights.reduce(0) { $0 + $1.value * offsets[$1.key]! }) < 1e-6)
      #expect(offsets.values.contains { abs($0) > 0.01 })
      #expect(ModelVariation.drift("alliances", wave: 2015, truthWave: 2015) == 0)
      #expect((1...3).contains(abs(ModelVariation.drift("alliances", wave: 2016, truthWave: 2015))))
    }
  }
}
