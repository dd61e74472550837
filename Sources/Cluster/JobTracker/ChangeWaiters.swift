/// The requests held by the JobTracker until there is news they wait for: idle heartbeats
/// waiting for work, reduces waiting for map outputs, clients waiting for their job's end, and
/// the embedded cluster waiting for its trackers to register.
///
/// Each waiter names the topics it waits for and a deadline, and is resumed exactly once: by
/// ``wake(_:)`` for the first of its topics that changes, or by ``expire(at:)`` once its deadline
/// has passed. A change wakes only the waiters of its topic, so a cluster of many trackers does
/// not wake all of them for every event; the deadlines are kept in a heap, so that the owner needs
/// one timer, for ``nextDeadline()``, rather than one per held request. A change that concerns
/// thousands of waiters can wake them in batches, oldest first (``wake(_:atMost:)``), so that
/// their owner serves what arrives meanwhile between one batch and the next. The owner (the
/// ``JobTracker`` actor) serializes access.
struct ChangeWaiters {
    private var waiting: [Int: (continuation: CheckedContinuation<Void, Never>, topics: [ChangeTopic])] = [:]
    private var byTopic: [ChangeTopic: Set<Int>] = [:]
    /// The waiters a batched wake-up has yet to resume, by topic, the oldest last; a waiter that
    /// ended meanwhile leaves its number behind, skipped when its turn comes.
    private var queued: [ChangeTopic: [Int]] = [:]
    /// The deadlines and their waiters, a binary min-heap on the deadline; a waiter woken by a
    /// topic leaves its entry behind, dropped when it comes to the top.
    private var deadlines: [(at: ContinuousClock.Instant, id: Int)] = []
    private var nextID = 0

    /// How many requests are held.
    var count: Int { waiting.count }

    /// The earliest deadline of a held request, or nil when none is held.
    mutating func nextDeadline() -> ContinuousClock.Instant? {
        while let top = deadlines.first, waiting[top.id] == nil { popDeadline() }
        return deadlines.first?.at
    }

    /// Holds `continuation` until one of `topics` changes or `deadline` passes.
    mutating func add(
        _ continuation: CheckedContinuation<Void, Never>,
        topics: [ChangeTopic],
        until deadline: ContinuousClock.Instant
    ) {
        nextID += 1
        waiting[nextID] = (continuation, topics)
        for topic in topics { byTopic[topic, default: []].insert(nextID) }
        deadlines.append((deadline, nextID))
        var child = deadlines.count - 1
        while child > 0, deadlines[(child - 1) / 2].at > deadlines[child].at {
            deadlines.swapAt(child, (child - 1) / 2)
            child = (child - 1) / 2
        }
    }

    /// Resumes every waiter whose deadline is `now` or earlier; returns how many.
    @discardableResult
    mutating func expire(at now: ContinuousClock.Instant) -> Int {
        var resumed = 0
        while let top = deadlines.first, top.at <= now {
            popDeadline()
            guard let waiter = waiting.removeValue(forKey: top.id) else { continue }
            forget(top.id, topics: waiter.topics)
            waiter.continuation.resume()
            resumed += 1
        }
        return resumed
    }

    /// Removes the earliest deadline.
    private mutating func popDeadline() {
        let last = deadlines.removeLast()
        guard !deadlines.isEmpty else { return }
        deadlines[0] = last
        var parent = 0
        while true {
            let (left, right) = (2 * parent + 1, 2 * parent + 2)
            var smallest = parent
            if left < deadlines.count, deadlines[left].at < deadlines[smallest].at { smallest = left }
            if right < deadlines.count, deadlines[right].at < deadlines[smallest].at { smallest = right }
            guard smallest != parent else { return }
            deadlines.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// Resumes every waiter of `topic`; returns how many.
    @discardableResult
    mutating func wake(_ topic: ChangeTopic) -> Int {
        guard let ids = byTopic.removeValue(forKey: topic) else { return 0 }
        for id in ids {
            guard let waiter = waiting.removeValue(forKey: id) else { continue }
            forget(id, topics: waiter.topics.filter { $0 != topic })
            waiter.continuation.resume()
        }
        return ids.count
    }

    /// Resumes the waiters of `topic` oldest first, at most `limit` of them now. The others stay
    /// held, queued for ``wakeQueued(_:atMost:)``, behind any queued by an earlier change of the
    /// topic. Returns how many it resumed and how many are left in the queue.
    @discardableResult
    mutating func wake(_ topic: ChangeTopic, atMost limit: Int) -> (resumed: Int, queued: Int) {
        if let ids = byTopic.removeValue(forKey: topic) {
            queued[topic] = ids.sorted(by: >) + (queued[topic] ?? [])
        }
        return wakeQueued(topic, atMost: limit)
    }

    /// Resumes at most `limit` more of the waiters queued by ``wake(_:atMost:)`` for `topic`,
    /// oldest first; waiters that came after that change stay held. Returns how many it resumed
    /// and how many are left in the queue.
    @discardableResult
    mutating func wakeQueued(_ topic: ChangeTopic, atMost limit: Int) -> (resumed: Int, queued: Int) {
        guard var ids = queued.removeValue(forKey: topic) else { return (0, 0) }
        var resumed = 0
        while resumed < limit, let id = ids.popLast() {
            guard let waiter = waiting.removeValue(forKey: id) else { continue }
            forget(id, topics: waiter.topics.filter { $0 != topic })
            waiter.continuation.resume()
            resumed += 1
        }
        if !ids.isEmpty { queued[topic] = ids }
        return (resumed, ids.count)
    }

    private mutating func forget(_ id: Int, topics: [ChangeTopic]) {
        for topic in topics {
            byTopic[topic]?.remove(id)
            if byTopic[topic]?.isEmpty == true { byTopic[topic] = nil }
        }
    }
}
