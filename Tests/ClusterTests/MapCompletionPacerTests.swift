import MapReduce
import Testing

@testable import Cluster

/// The pacer spaces each reduce's answers by the reduces asking over the budget, at most a
/// second, and forgets reduces that stopped asking.
struct MapCompletionPacerTests {
    static let job = JobID(cluster: "20260101000000", sequence: 1)

    static func reduce(_ index: Int) -> AttemptID {
        AttemptID(task: TaskID(job: job, phase: 0, kind: .reduce, index: index), number: 0)
    }

    @Test func aReduceNeverAnsweredIsAnsweredAtOnce() {
        let pacer = MapCompletionPacer(answersPerSecond: 1000)
        #expect(pacer.earliestAnswer(to: Self.reduce(0)) == nil)
        #expect(pacer.spacing == .zero)
    }

    @Test func theSpacingIsTheAskingReducesOverTheBudget() {
        var pacer = MapCompletionPacer(answersPerSecond: 1000)
        let now = ContinuousClock.now
        for index in 0..<200 { pacer.answered(Self.reduce(index), at: now) }
        #expect(pacer.askingReduces == 200)
        #expect(pacer.spacing == .milliseconds(200), "200 reduces share 1,000 answers a second: 5 each")
        #expect(pacer.earliestAnswer(to: Self.reduce(7)) == now + .milliseconds(200))
        #expect(pacer.earliestAnswer(to: Self.reduce(200)) == nil, "a reduce not yet answered waits for nothing")
    }

    @Test func aFewReducesWaitAFewMilliseconds() {
        var pacer = MapCompletionPacer(answersPerSecond: 1000)
        let now = ContinuousClock.now
        pacer.answered(Self.reduce(0), at: now)
        pacer.answered(Self.reduce(1), at: now)
        #expect(pacer.spacing == .milliseconds(2))
    }

    @Test func theSpacingStopsAtASecond() {
        var pacer = MapCompletionPacer(answersPerSecond: 10)
        let now = ContinuousClock.now
        for index in 0..<50 { pacer.answered(Self.reduce(index), at: now) }
        #expect(pacer.spacing == MapCompletionPacer.longestSpacing)
        #expect(MapCompletionPacer.longestSpacing == .seconds(1))
    }

    @Test func reducesThatStoppedAskingAreForgotten() {
        var pacer = MapCompletionPacer(answersPerSecond: 1000)
        let start = ContinuousClock.now
        pacer.answered(Self.reduce(0), at: start)
        pacer.answered(Self.reduce(1), at: start + .milliseconds(900))
        pacer.forget(before: start + .milliseconds(1500))
        #expect(pacer.askingReduces == 1)
        #expect(pacer.earliestAnswer(to: Self.reduce(0)) == nil)
        #expect(pacer.earliestAnswer(to: Self.reduce(1)) == start + .milliseconds(901))
    }

    @Test func aBudgetBelowOneIsOne() {
        var pacer = MapCompletionPacer(answersPerSecond: 0)
        pacer.answered(Self.reduce(0), at: .now)
        #expect(pacer.answersPerSecond == 1)
        #expect(pacer.spacing == .seconds(1))
    }
}
