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

        func wait(_ name: String, for topics: [ChangeTopic]) async {
            let id = waiters.reserveID()
            await withCheckedContinuation { waiters.add($0, id: id, topics: topics) }
            woken.append(name)
        }

        func wake(_ topic: ChangeTopic) -> Int { waiters.wake(topic) }
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
}
