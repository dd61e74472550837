import MapReduce

/// Merges sorted segments into one stream in key byte order, equal keys in segment order.
///
/// A binary min-heap of the segments' current records; ``key`` and ``value()`` are the smallest
/// record's and stay valid until the next ``advance()``. The heap compares copies of each
/// reader's current key and prefix (``Head``), so sifting touches no reader object.
final class RecordMerger {
    /// A reader's current key, as the heap compares it.
    struct Head {
        var prefix: UInt64
        var key: UnsafeRawBufferPointer
    }

    private let readers: [SegmentReader]
    /// ``readers`` unretained, which keeps them alive: the merge borrows a reader for every record
    /// without a retain and a release.
    private let unretainedReaders: [Unmanaged<SegmentReader>]
    @exclusivity(unchecked) private var heap: [Int] = []
    @exclusivity(unchecked) private var heads: [Head]
    private var primed = false

    /// Creates a merger over readers positioned before their first records.
    init(_ readers: [SegmentReader]) {
        self.readers = readers
        unretainedReaders = readers.map { Unmanaged.passUnretained($0) }
        heads = Array(
            repeating: Head(prefix: 0, key: UnsafeRawBufferPointer(start: nil, count: 0)),
            count: readers.count
        )
    }

    /// The smallest current record's key.
    var key: UnsafeRawBufferPointer { heads[heap[0]].key }
    /// The smallest current record's key prefix (``KeyBytes/prefix(_:)``).
    var keyPrefix: UInt64 { heads[heap[0]].prefix }
    /// The smallest current record's value (a large one is read from its file now).
    func value() throws -> UnsafeRawBufferPointer {
        try unretainedReaders[heap[0]]._withUnsafeGuaranteedRef { try $0.loadValue() }
    }

    /// Moves to the next record in order; false when every segment is exhausted.
    func advance() throws -> Bool {
        if !primed {
            primed = true
            for index in readers.indices where try advanceReader(index) { heap.append(index) }
            for position in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(position) }
            return !heap.isEmpty
        }
        guard !heap.isEmpty else { return false }
        if try advanceReader(heap[0]) {
            siftDown(0)
        } else {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
            if !heap.isEmpty { siftDown(0) }
        }
        return !heap.isEmpty
    }

    private func advanceReader(_ index: Int) throws -> Bool {
        try unretainedReaders[index]._withUnsafeGuaranteedRef { reader in
            guard try reader.advance() else { return false }
            heads[index] = Head(prefix: reader.keyPrefix, key: reader.key)
            return true
        }
    }

    private func siftDown(_ start: Int) {
        var parent = start
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            var smallest = left
            let right = left + 1
            if right < count, precedes(heap[right], heap[left]) { smallest = right }
            guard precedes(heap[smallest], heap[parent]) else { return }
            heap.swapAt(smallest, parent)
            parent = smallest
        }
    }

    /// Whether reader `a`'s current key sorts before reader `b`'s (ties by reader index).
    ///
    /// Equal prefixes settle a key of at most eight bytes up to its length (the prefix pads with
    /// zeros, so the shorter key is the other's start), so only longer keys compare bytes.
    @inline(__always) private func precedes(_ a: Int, _ b: Int) -> Bool {
        let (left, right) = (heads[a], heads[b])
        if left.prefix != right.prefix { return left.prefix < right.prefix }
        if left.key.count > 8 && right.key.count > 8 {
            let order = KeyBytes.compare(left.key, right.key)
            if order != 0 { return order < 0 }
        } else if left.key.count != right.key.count {
            return left.key.count < right.key.count
        }
        return a < b
    }
}
