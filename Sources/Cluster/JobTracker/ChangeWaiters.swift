/// The requests held by the JobTracker until its state changes: idle heartbeats waiting for work,
/// reduces waiting for map outputs, clients waiting for their job's end, and the embedded
/// cluster waiting for its trackers to register.
///
/// Each waiter is resumed exactly once: by ``wakeAll()`` when the state changes, or by
/// ``wake(_:)`` when its deadline passes. The owner (the ``JobTracker`` actor) serializes access.
struct ChangeWaiters {
    private var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextID = 0

    /// A fresh id for a waiter about to be added.
    mutating func reserveID() -> Int {
        nextID += 1
        return nextID
    }

    /// Holds `continuation` until a change or until ``wake(_:)`` names `id`.
    mutating func add(_ continuation: CheckedContinuation<Void, Never>, id: Int) {
        waiting[id] = continuation
    }

    /// Resumes the waiter `id` if it is still waiting (its deadline has passed).
    mutating func wake(_ id: Int) {
        waiting.removeValue(forKey: id)?.resume()
    }

    /// Resumes every waiter: the state they wait on has changed.
    mutating func wakeAll() {
        let woken = waiting.values
        waiting = [:]
        for continuation in woken { continuation.resume() }
    }
}
