import MapReduce

/// Merges sorted segments into one stream in key byte order, equal keys in segment order.
///
/// A binary min-heap of the segments' current records; ``key`` and ``value()`` are the smallest
/// record's and stay valid until the next ``advance()``.
final class RecordMerger {
    private let readers: [SegmentReader]
    @exclusivity(unchecked) private var heap: [Int] = []
    private var primed = false

    /// Creates a merger over readers positioned before their first records.
    init(_ readers: [SegmentReader]) {
        self.readers = readers
    }

    /// The smallest current record's key.
    var key: UnsafeRawBufferPointer { readers[heap[0]].key }
    /// The smallest current record's value (a large one is read from its file now).
    func value() throws -> UnsafeRawBufferPointer { try readers[heap[0]].loadValue() }

    /// Moves to the next record in order; false when every segment is exhausted.
    func advance() throws -> Bool {
        if !primed {
            primed = true
            for index in readers.indices where try readers[index].advance() { heap.append(index) }
            for position in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(position) }
            return !heap.isEmpty
        }
        guard !heap.isEmpty else { return false }
        if try readers[heap[0]].advance() {
            siftDown(0)
        } else {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
            if !heap.isEmpty { siftDown(0) }
        }
        return !heap.isEmpty
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var smallest = left
            let right = left + 1
            if right < heap.count, precedes(heap[right], heap[left]) { smallest = right }
            guard precedes(heap[smallest], heap[parent]) else { return }
            heap.swapAt(smallest, parent)
            parent = smallest
        }
    }

    /// Whether reader `a`'s current key sorts before reader `b`'s (ties by reader index).
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let left = readers[a]
        let right = readers[b]
        if left.keyPrefix != right.keyPrefix { return left.keyPrefix < right.keyPrefix }
        let order = KeyBytes.compare(left.key, right.key)
        return order != 0 ? order < 0 : a < b
    }
}
