import MapReduce
import Testing

@testable import Cluster

/// Held requests wake for the topics they wait for and no others, each exactly once.
struct ChangeWaitersTests {
    /// The waiters behind an actor, as the JobTracker keeps them.
    actor Holder {
        private var waiters = ChangeWaiters()
        private(set) var woken: [String] = []

        var held: Int { waiters.count }

        func wait(_ name: String, for topics: [ChangeTopic], until deadline: ContinuousClock.Instant? = nil) async {
            await withCheckedContinuation {
                waiters.add($0, topics: topics, until: deadline ?? .now + .seconds(3600))
            }
            woken.append(name)
        }

        func wake(_ topic: ChangeTopic) -> Int { waiters.wake(topic) }

        func wake(_ topic: ChangeTopic, atMost limit: Int) -> (resumed: Int, queued: Int) {
            waiters.wake(topic, atMost: limit)
        }

        func wakeQueued(_ topic: ChangeTopic, atMost limit: Int) -> (resumed: Int, queued: Int) {
            waiters.wakeQueued(topic, atMost: limit)
        }

        func expire(at now: ContinuousClock.Instant) -> Int { waiters.expire(at: now) }

        func nextDeadline() -> ContinuousClock.Instant? { waiters.nextDeadline() }
    }

    func settle(_ holder: Holder, held: Int, woken: Int) async {
        for _ in 0..<1000 {
            if await holder.held == held, await holder.woken.count == woken { return }
            await Task.yield()
        }
    }

    @Test func aChangeWakesOnlyTheWaitersOfItsTopicAndEachOnce() async throws {
        let holder = Holder()
        let job = try #require(JobID("job_20260101000000_0001"))
        let other = try #require(JobID("job_20260101000000_0002"))
        let tasks = [
            Task { await holder.wait("idle tracker a", for: [.work, .tracker("a")]) },
            Task { await holder.wait("full tracker b", for: [.tracker("b")]) },
            Task { await holder.wait("reduce of job 1", for: [.job(job)]) },
        ]
        await settle(holder, held: 3, woken: 0)
        #expect(await holder.held == 3)

        #expect(await holder.wake(.job(other)) == 0)
        #expect(await holder.wake(.trackers) == 0)
        #expect(await holder.wake(.tracker("b")) == 1)
        await settle(holder, held: 2, woken: 1)
        #expect(await holder.woken == ["full tracker b"])

        #expect(await holder.wake(.work) == 1)
        #expect(await holder.wake(.tracker("a")) == 0, "a waiter woken by one topic is gone from the others")
        #expect(await holder.wake(.job(job)) == 1)
        for task in tasks { await task.value }
        #expect(await holder.held == 0)
        #expect(Set(await holder.woken) == ["idle tracker a", "full tracker b", "reduce of job 1"])
    }

    @Test func deadlinesEndTheirWaitersInOrderAndOnlyOnce() async throws {
        let holder = Holder()
        let start = ContinuousClock.now
        let tasks = [
            Task { await holder.wait("late", for: [.work], until: start + .seconds(30)) },
            Task { await holder.wait("early", for: [.trackers], until: start + .seconds(10)) },
            Task { await holder.wait("middle", for: [.tracker("a")], until: start + .seconds(20)) },
        ]
        await settle(holder, held: 3, woken: 0)
        #expect(await holder.nextDeadline() == start + .seconds(10))
        #expect(await holder.expire(at: start + .seconds(5)) == 0)
        #expect(await holder.expire(at: start + .seconds(10)) == 1)
        await settle(holder, held: 2, woken: 1)
        #expect(await holder.woken == ["early"])
        #expect(await holder.wake(.tracker("a")) == 1, "woken by its topic before its deadline")
        await settle(holder, held: 1, woken: 2)
        #expect(await holder.nextDeadline() == start + .seconds(30), "a woken waiter's deadline no longer counts")
        #expect(await holder.expire(at: start + .seconds(25)) == 0, "nor is it woken again")
        #expect(await holder.expire(at: start + .seconds(40)) == 1)
        for task in tasks { await task.value }
        #expect(await holder.woken == ["early", "middle", "late"])
        #expect(await holder.nextDeadline() == nil)
        #expect(await holder.held == 0)
    }

    @Test func manyDeadlinesEndInTheirOrder() async throws {
        let holder = Holder()
        let start = ContinuousClock.now
        let seconds = Array(1...200).shuffled()
        let tasks = seconds.map { second in
            Task { await holder.wait("\(second)", for: [.tracker("\(second)")], until: start + .seconds(second)) }
        }
        await settle(holder, held: 200, woken: 0)
        for second in stride(from: 10, through: 200, by: 10) {
            _ = await holder.wake(.tracker("\(second)"))
        }
        var expired: [Int] = []
        for second in 1...200 {
            let count = await holder.expire(at: start + .seconds(second))
            expired += Array(repeating: second, count: count)
        }
        for task in tasks { await task.value }
        #expect(expired == (1...200).filter { !$0.isMultiple(of: 10) }, "one waiter a second, woken ones skipped")
        #expect(await holder.held == 0)
    }

    @Test func aBatchedWakeResumesTheOldestFirstAndNotThoseThatCameAfter() async throws {
        let holder = Holder()
        var tasks: [Task<Void, Never>] = []
        for index in 0..<10 {
            tasks.append(Task { await holder.wait("\(index)", for: [.work, .tracker("\(index)")]) })
            await settle(holder, held: index + 1, woken: 0)
        }
        #expect(await holder.wake(.work, atMost: 4) == (4, 6))
        await settle(holder, held: 6, woken: 4)
        #expect(Set(await holder.woken) == ["0", "1", "2", "3"], "a batch's waiters may finish in any order")

        tasks.append(Task { await holder.wait("late", for: [.work]) })
        await settle(holder, held: 7, woken: 4)
        #expect(await holder.wake(.tracker("5")) == 1, "a queued waiter can still be woken by its other topic")
        await settle(holder, held: 6, woken: 5)
        #expect(await holder.wakeQueued(.work, atMost: 4) == (4, 1), "the one woken meanwhile is skipped")
        await settle(holder, held: 2, woken: 9)
        #expect(Set(await holder.woken.suffix(4)) == ["4", "6", "7", "8"])
        #expect(await holder.wakeQueued(.work, atMost: 4) == (1, 0))
        await settle(holder, held: 1, woken: 10)
        #expect(await holder.wakeQueued(.work, atMost: 4) == (0, 0), "the waiter that came later is not queued")

        #expect(await holder.wake(.work, atMost: 4) == (1, 0), "the next change wakes it")
        for task in tasks { await task.value }
        #expect(await holder.held == 0)
        #expect(Set(await holder.woken.suffix(2)) == ["9", "late"])
    }
}
