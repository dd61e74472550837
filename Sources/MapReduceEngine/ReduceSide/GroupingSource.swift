import MapReduce

/// Groups a merged record stream by key for a reducer: one key at a time, then its values.
///
/// The current key is copied when a group starts, so it stays valid while the values stream.
final class GroupingSource: KeyGroupSource {
    private let merger: RecordMerger
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
        self.merger = merger
        self.progress = progress
    }

    deinit {
        keyStorage.deallocate()
    }

    func nextKey() throws -> UnsafeRawBufferPointer? {
        if !started {
            started = true
            hasRecord = try merger.advance()
        } else {
            try advancePastCurrentKey()
        }
        guard hasRecord else { return nil }
        let key = merger.key
        if key.count > keyStorage.count {
            keyStorage.deallocate()
            keyStorage = .allocate(byteCount: key.count * 2, alignment: 8)
        }
        if let base = key.baseAddress { keyStorage.baseAddress!.copyMemory(from: base, byteCount: key.count) }
        currentKey = UnsafeRawBufferPointer(rebasing: keyStorage[0..<key.count])
        currentPrefix = merger.keyPrefix
        consumedHead = false
        return currentKey
    }

    func nextValue() throws -> UnsafeRawBufferPointer? {
        if consumedHead {
            hasRecord = try merger.advance()
            consumedHead = false
        }
        guard hasRecord, headMatchesCurrentKey() else { return nil }
        consumedHead = true
        count()
        return try merger.value()
    }

    private func advancePastCurrentKey() throws {
        if consumedHead {
            hasRecord = try merger.advance()
            consumedHead = false
        }
        while hasRecord, headMatchesCurrentKey() {
            count()
            hasRecord = try merger.advance()
        }
    }

    private func count() {
        recordCount += 1
        if recordCount & 0x3FFF == 0 { progress(recordCount) }
    }

    /// Whether the merge's current record has the current key: same length and prefix, and for a
    /// key longer than eight bytes the same remaining bytes.
    private func headMatchesCurrentKey() -> Bool {
        let key = merger.key
        guard key.count == currentKey.count, merger.keyPrefix == currentPrefix else { return false }
        return key.count <= 8 || KeyBytes.equal(key.baseAddress! + 8, currentKey.baseAddress! + 8, count: key.count - 8)
    }
}
