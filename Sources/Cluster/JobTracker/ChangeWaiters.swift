/// The requests held by the JobTracker until there is news they wait for: idle heartbeats
/// waiting for work, reduces waiting for map outputs, clients waiting for their job's end, and
/// the embedded cluster waiting for its trackers to register.
///
/// Each waiter names the topics it waits for and a deadline, and is resumed exactly once: by
/// ``wake(_:)`` for the first of its topics that changes, or by ``expire(at:)`` once its deadline
/// has passed. A change wakes only the waiters of its topic, so a cluster of many trackers does
/// not wake all of them for every event; the deadlines are kept in order, so that the owner needs
/// one timer, for ``nextDeadline``, rather than one per held request. The owner (the
/// ``JobTracker`` actor) serializes access.
struct ChangeWaiters {
    private var waiting: [Int: (continuation: CheckedContinuation<Void, Never>, topics: [ChangeTopic])] = [:]
    private var byTopic: [ChangeTopic: Set<Int>] = [:]
    /// Deadlines and their waiters from `firstDeadline` on, earliest first; a waiter woken by a
    /// topic leaves its entry behind until the deadline passes.
    private var deadlines: [(at: ContinuousClock.Instant, id: Int)] = []
    private var firstDeadline = 0
    private var nextID = 0

    /// How many requests are held.
    var count: Int { waiting.count }

    /// The earliest deadline of a held request, or nil when none is held.
    var nextDeadline: ContinuousClock.Instant? {
        deadlines[firstDeadline...].first { waiting[$0.id] != nil }?.at
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
        var position = deadlines.endIndex
        while position > firstDeadline, deadlines[position - 1].at > deadline { position -= 1 }
        deadlines.insert((deadline, nextID), at: position)
    }

    /// Resumes every waiter whose deadline is `now` or earlier; returns how many.
    @discardableResult
    mutating func expire(at now: ContinuousClock.Instant) -> Int {
        var resumed = 0
        while firstDeadline < deadlines.endIndex, deadlines[firstDeadline].at <= now {
            let id = deadlines[firstDeadline].id
            firstDeadline += 1
            guard let waiter = waiting.removeValue(forKey: id) else { continue }
            forget(id, topics: waiter.topics)
            waiter.continuation.resume()
            resumed += 1
        }
        if firstDeadline > 1024, firstDeadline * 2 > deadlines.count {
            deadlines.removeFirst(firstDeadline)
            firstDeadline = 0
        }
        return resumed
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

    private mutating func forget(_ id: Int, topics: [ChangeTopic]) {
        for topic in topics {
            byTopic[topic]?.remove(id)
            if byTopic[topic]?.isEmpty == true { byTopic[topic] = nil }
        }
    }
}
