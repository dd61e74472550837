import MapReduce

/// Groups a merged record stream by key for a reducer: one key at a time, then its values.
///
/// The current key is copied when a group starts, so it stays valid while the values stream.
final class GroupingSource: KeyGroupSource {
    private let retainedMerger: RecordMerger
    /// The merger unretained (``retainedMerger`` keeps it alive), borrowed for every record
    /// without a retain and a release.
    private let unretainedMerger: Unmanaged<RecordMerger>
    private var keyStorage = UnsafeMutableRawBufferPointer.allocate(byteCount: 256, alignment: 8)
    private var currentKey = UnsafeRawBufferPointer(start: nil, count: 0)
    private var currentPrefix: UInt64 = 0
    private var hasRecord = false
    private var started = false
    private var consumedHead = false

    /// The records read from the merge so far.
    private(set) var recordCount: Int64 = 0

    /// Called every 16,384 records with the count so far.
    private let progress: (Int64) -> Void

    init(merger: RecordMerger, progress: @escaping (Int64) -> Void) {
        retainedMerger = merger
        unretainedMerger = Unmanaged.passUnretained(merger)
        self.progress = progress
    }

    deinit {
        keyStorage.deallocate()
    }

    /// Calls `body` with the merger, borrowed without a retain.
    @inline(__always) private func withMerger<Result>(_ body: (RecordMerger) throws -> Result) rethrows -> Result {
        try unretainedMerger._withUnsafeGuaranteedRef(body)
    }

    func nextKey() throws -> UnsafeRawBufferPointer? {
        if !started {
            started = true
            hasRecord = try withMerger { try $0.advance() }
        } else {
            try advancePastCurrentKey()
        }
        guard hasRecord else { return nil }
        let key = withMerger { $0.key }
        if key.count > keyStorage.count {
            keyStorage.deallocate()
            keyStorage = .allocate(byteCount: key.count * 2, alignment: 8)
        }
        if let base = key.baseAddress { keyStorage.baseAddress!.copyMemory(from: base, byteCount: key.count) }
        currentKey = UnsafeRawBufferPointer(rebasing: keyStorage[0..<key.count])
        currentPrefix = withMerger { $0.keyPrefix }
        consumedHead = false
        return currentKey
    }

    func nextValue() throws -> UnsafeRawBufferPointer? {
        if consumedHead {
            hasRecord = try withMerger { try $0.advance() }
            consumedHead = false
        }
        guard hasRecord, headMatchesCurrentKey() else { return nil }
        consumedHead = true
        count()
        return try withMerger { try $0.value() }
    }

    private func advancePastCurrentKey() throws {
        if consumedHead {
            hasRecord = try withMerger { try $0.advance() }
            consumedHead = false
        }
        while hasRecord, headMatchesCurrentKey() {
            count()
            hasRecord = try withMerger { try $0.advance() }
        }
    }

    private func count() {
        recordCount += 1
        if recordCount & 0x3FFF == 0 { progress(recordCount) }
    }

    /// Whether the merge's current record has the current key: same length and prefix, and for a
    /// key longer than eight bytes the same remaining bytes.
    @inline(__always) private func headMatchesCurrentKey() -> Bool {
        let (key, prefix) = withMerger { ($0.key, $0.keyPrefix) }
        guard key.count == currentKey.count, prefix == currentPrefix else { return false }
        return key.count <= 8 || KeyBytes.equal(key.baseAddress! + 8, currentKey.baseAddress! + 8, count: key.count - 8)
    }
}
