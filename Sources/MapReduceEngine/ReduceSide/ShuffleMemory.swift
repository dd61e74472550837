import Synchronization

/// The memory one reduce may keep fetched map output segments in, shared by its fetches, which
/// reserve a segment's bytes before fetching it, and its ``ShuffleMerger``, which frees them once
/// the segment's records are on disk (Hadoop's `mapreduce.reduce.shuffle.input.buffer.percent`).
///
/// A segment larger than ``segmentLimit`` (Hadoop's `memory.limit.percent`) is not kept in memory
/// and goes to disk, as every segment does when ``limit`` is zero. A reservation that does not fit
/// beside those held waits, first come first served, until enough is freed: fetching slows down
/// rather than exceeding ``limit``. The merger writes the segments it holds to disk once they pass
/// ``mergeThreshold`` (Hadoop's `merge.percent`), and the threshold plus ``segmentLimit`` is at
/// most ``limit``, so every wait ends once the fetches in flight have arrived and been written.
/// ``highWater`` records the most bytes ever reserved at once.
public final class ShuffleMemory: Sendable {
    /// The most bytes reserved at once.
    public let limit: Int64
    /// The largest segment kept in memory.
    public let segmentLimit: Int64
    /// The bytes of segments in memory past which the merger writes them to disk.
    public let mergeThreshold: Int64

    /// The share of ``limit`` one segment may take.
    public static let segmentShare = 0.25
    /// The share of ``limit`` past which segments in memory are merged to disk.
    public static let mergeShare = 0.66

    /// A reservation waiting for memory.
    private struct Waiter {
        let id: Int
        let bytes: Int64
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var used: Int64 = 0
        var highWater: Int64 = 0
        var waiters: [Waiter] = []
        var nextID = 0

        mutating func take(_ bytes: Int64) {
            used += bytes
            highWater = max(highWater, used)
        }
    }

    private let state = Mutex(State())

    /// Creates a budget of `limit` bytes; zero keeps nothing in memory.
    public init(limit: Int64) {
        self.limit = max(0, limit)
        segmentLimit = Int64(Double(self.limit) * Self.segmentShare)
        mergeThreshold = Int64(Double(self.limit) * Self.mergeShare)
    }

    /// The bytes reserved now.
    public var used: Int64 { state.withLock { $0.used } }

    /// The most bytes reserved at once so far.
    public var highWater: Int64 { state.withLock { $0.highWater } }

    /// Reserves `bytes` for a segment kept in memory, waiting while they do not fit; false at once
    /// when the segment is not to be kept in memory, and when the task is cancelled while waiting.
    public func reserve(_ bytes: Int64) async -> Bool {
        guard bytes >= 0, bytes <= segmentLimit, limit > 0 else { return false }
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let granted = state.withLock { state -> Bool? in
                    if state.waiters.isEmpty, state.used + bytes <= limit {
                        state.take(bytes)
                        return true
                    }
                    if Task.isCancelled { return false }
                    state.waiters.append(Waiter(id: id, bytes: bytes, continuation: continuation))
                    return nil
                }
                if let granted { continuation.resume(returning: granted) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(returning: false)
        }
    }

    /// Frees `bytes` reserved earlier and grants the waiting reservations that now fit, in order.
    public func release(_ bytes: Int64) {
        let granted = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.used -= bytes
            var granted: [CheckedContinuation<Bool, Never>] = []
            while let first = state.waiters.first, state.used + first.bytes <= limit {
                state.waiters.removeFirst()
                state.take(first.bytes)
                granted.append(first.continuation)
            }
            return granted
        }
        for continuation in granted { continuation.resume(returning: true) }
    }
}
