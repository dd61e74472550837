/// The requests held by the JobTracker until there is news they wait for: idle heartbeats
/// waiting for work, reduces waiting for map outputs, clients waiting for their job's end, and
/// the embedded cluster waiting for its trackers to register.
///
/// Each waiter names the topics it waits for and is resumed exactly once: by ``wake(_:)`` for
/// the first of its topics that changes, or by ``wakeWaiter(_:)`` when its deadline passes. A
/// change wakes only the waiters of its topic, so a cluster of many trackers does not wake all of
/// them for every event. The owner (the ``JobTracker`` actor) serializes access.
struct ChangeWaiters {
    private var waiting: [Int: (continuation: CheckedContinuation<Void, Never>, topics: [ChangeTopic])] = [:]
    private var byTopic: [ChangeTopic: Set<Int>] = [:]
    private var nextID = 0

    /// How many requests are held.
    var count: Int { waiting.count }

    /// A fresh id for a waiter about to be added.
    mutating func reserveID() -> Int {
        nextID += 1
        return nextID
    }

    /// Holds `continuation` until one of `topics` changes or ``wakeWaiter(_:)`` names `id`.
    mutating func add(_ continuation: CheckedContinuation<Void, Never>, id: Int, topics: [ChangeTopic]) {
        waiting[id] = (continuation, topics)
        for topic in topics { byTopic[topic, default: []].insert(id) }
    }

    /// Resumes the waiter `id` if it is still waiting (its deadline has passed).
    mutating func wakeWaiter(_ id: Int) {
        guard let waiter = waiting.removeValue(forKey: id) else { return }
        forget(id, topics: waiter.topics)
        waiter.continuation.resume()
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
