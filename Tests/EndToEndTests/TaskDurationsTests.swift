import Testing

@testable import mrsim

/// mrsim's attempt times: exactly the mean without a spread, and within the spread around it
/// otherwise, on both sides of the mean.
struct TaskDurationsTests {
    @Test func withoutASpreadEveryAttemptTakesTheMean() {
        let durations = TaskDurations(mean: .milliseconds(1500))
        #expect((0..<100).allSatisfy { _ in durations.next() == .milliseconds(1500) })
    }

    @Test func aSpreadDrawsTimesOnBothSidesOfTheMeanWithinIt() {
        let durations = TaskDurations(mean: .seconds(2), spread: 0.5)
        let drawn = (0..<1000).map { _ in durations.next() }
        #expect(drawn.allSatisfy { $0 >= .seconds(1) && $0 <= .seconds(3) })
        #expect(drawn.contains { $0 < .milliseconds(1500) } && drawn.contains { $0 > .milliseconds(2500) })
    }
}
