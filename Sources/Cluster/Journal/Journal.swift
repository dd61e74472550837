import Foundation

/// The JobTracker's journal in `<data-dir>/journal/`: a snapshot plus an append-only tail.
///
/// Opening it replays `snapshot` and then `journal.log` (see ``JournalFile`` for the layout),
/// drops a torn last record, starts a new epoch and compacts at once, so every JobTracker process
/// starts from a snapshot and an empty tail. Records are buffered by ``append(_:)``; the
/// JobTracker takes them as a ``JournalBatch`` and has its ``JournalWriter`` write and sync them
/// on a queue of its own before it answers the requests whose events they record: a heartbeat
/// carrying many reports, or many heartbeats, cost one fsync, and the JobTracker serves others
/// meanwhile. ``flush()`` does the same and waits. A tail grown past ``compactionThreshold``
/// (and past twice the snapshot) is rolled over.
///
/// A roll-over to generation G+1 appends the batch's records to the tail, starts an empty tail of
/// generation G+1 as `journal.next` that takes the records appended from then on, and writes the
/// state as generation G+1's snapshot in the background; once that snapshot is in place,
/// `journal.next` is renamed to `journal.log`. A compaction (at open, and after a failed write)
/// writes the snapshot of generation G+1 and renames it into place, then replaces the tail with
/// an empty one of generation G+1 and removes any `journal.next`. Opening replays the snapshot of
/// generation S, `journal.log` if it is of generation S, and then `journal.next` if it is of
/// generation S+1 (a crash before a roll-over's snapshot was in place) or S (a crash before its
/// rename). A tail of an older generation is one a crash left behind; it is already in the
/// snapshot and is ignored.
final class Journal {
    /// The running jobs and epoch journaled so far, including buffered records.
    private(set) var state: JournalState
    /// The tail and offset where the torn record that opening dropped began, if there was one.
    let droppedTornRecord: (path: String, offset: Int)?
    /// The writer of the files.
    let writer: JournalWriter
    /// How many records have been appended, and how many of them are known to be on disk.
    private(set) var appended = 0
    private(set) var durable = 0
    /// The write or fsync that failed, and when (a full disk, an I/O error): the tail may end in part of a
    /// record, so nothing more is appended to it; the next batch, a second later at the soonest,
    /// compacts instead, writing the whole state into a new snapshot and an empty tail.
    /// Its error is thrown again until then.
    private var failure: (error: any Error, at: ContinuousClock.Instant)?
    private var pending: [JournalRecord] = []
    private var generation: UInt64
    private var tailBytes = 0
    private var snapshotBytes = 0
    /// Whether a roll-over's snapshot is being written; no other compaction starts meanwhile.
    private var rollingOver = false

    /// Tail size beyond which a batch rolls the tail over, if it is also twice the snapshot's.
    let compactionThreshold: Int

    /// The journal's directory.
    var directory: String { writer.directory }
    var snapshotPath: String { writer.snapshotPath }
    var tailPath: String { writer.tailPath }
    /// The tail's descriptor, open for appending.
    var descriptor: Int32 { writer.descriptor }

    /// Opens (or creates) the journal in `directory`, replays it and starts the next epoch.
    init(directory: String, compactionThreshold: Int = 8 << 20) throws {
        self.compactionThreshold = compactionThreshold
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var state = JournalState()
        var generation: UInt64 = 0
        let snapshot = directory + "/snapshot"
        if FileManager.default.fileExists(atPath: snapshot) {
            let contents = try JournalFile.read(snapshot, magic: JournalFile.snapshotMagic, tornTailAllowed: false)
            generation = contents.generation
            for record in contents.records { state.apply(record) }
        }
        var torn: (path: String, offset: Int)?
        for (path, follows) in [("/journal.log", generation), ("/journal.next", generation + 1)] {
            let tail = directory + path
            guard FileManager.default.fileExists(atPath: tail) else { continue }
            let contents = try JournalFile.read(tail, magic: JournalFile.journalMagic, tornTailAllowed: true)
            if contents.generation > follows {
                throw JournalCorruption(
                    path: tail,
                    offset: 8,
                    problem: "generation \(contents.generation) is newer than the snapshot's \(generation) allows"
                )
            }
            guard contents.generation >= generation else { continue }
            if let torn {
                throw JournalCorruption(path: torn.path, offset: torn.offset, problem: "a torn tail has a later tail")
            }
            for record in contents.records { state.apply(record) }
            if contents.validLength < contents.size { torn = (tail, contents.validLength) }
        }
        state.apply(.started(epoch: state.epoch + 1))
        self.state = state
        self.generation = generation
        droppedTornRecord = torn
        writer = JournalWriter(directory: directory)
        try compact()
    }

    /// The epoch of this JobTracker process.
    var epoch: UInt64 { state.epoch }

    /// Buffers a record until the next batch.
    func append(_ record: JournalRecord) {
        state.apply(record)
        pending.append(record)
        appended += 1
    }

    /// How many appended records are not yet known to be on disk.
    var unsynced: Int { appended - durable }

    /// Whether records wait to be written, or a failed write waits to be tried again.
    var hasPending: Bool { !pending.isEmpty || failure.map { .now - $0.at >= Self.retryInterval } ?? false }

    /// How long after a failed write the journal tries again.
    static let retryInterval = Duration.seconds(1)

    /// Takes the buffered records as the next batch to write, and how many records will be on disk
    /// once it is written; nil when nothing waits. It is a roll-over when the tail has grown large
    /// and no roll-over's snapshot is being written, and a compaction when a write failed more
    /// than ``retryInterval`` ago; within that interval, or while the snapshot of a roll-over is
    /// written, it throws the failure.
    func takeBatch() throws -> (batch: JournalBatch, covers: Int)? {
        if rollingOver, let outcome = writer.takeSnapshotOutcome() {
            rollingOver = false
            switch outcome {
            case .success(let bytes): snapshotBytes = bytes
            case .failure(let error): failure = (error, .now)
            }
        }
        if let failure {
            guard !rollingOver, ContinuousClock.now - failure.at >= Self.retryInterval else { throw failure.error }
            return (takeCompaction(), appended)
        }
        guard !pending.isEmpty else { return nil }
        let bytes = JournalFile.frame(pending)
        pending = []
        tailBytes += bytes.count
        guard !rollingOver, tailBytes > max(compactionThreshold, 2 * snapshotBytes) else {
            return (.append(bytes), appended)
        }
        rollingOver = true
        tailBytes = 0
        generation += 1
        return (.rollOver(bytes, state: state, generation: generation), appended)
    }

    private func takeCompaction() -> JournalBatch {
        pending = []
        tailBytes = 0
        generation += 1
        return .compact(state, generation: generation)
    }

    /// Records how the write of `batch`, which covers the first `covers` records, ended.
    func finished(_ batch: JournalBatch, covers: Int, with result: Result<Int, any Error>) {
        switch result {
        case .success(let bytes):
            durable = max(durable, covers)
            if case .compact = batch {
                snapshotBytes = bytes
                failure = nil
            }
        case .failure(let error):
            failure = (error, .now)
        }
    }

    /// Writes and syncs the buffered records, after any batch the writer already has; compacts
    /// when the tail has grown large or a write failed before. A failure keeps every record for
    /// the next try: none is lost while the process lives, and none is half-appended behind a
    /// record written later.
    func flush() throws {
        guard let (batch, covers) = try takeBatch() else { return }
        let result = Result { try writer.writeNow(batch) }
        finished(batch, covers: covers, with: result)
        _ = try result.get()
    }

    /// Writes the state as the next generation's snapshot and starts an empty tail, after any
    /// roll-over's snapshot under way.
    func compact() throws {
        writer.waitForSnapshot()
        if rollingOver {
            rollingOver = false
            _ = writer.takeSnapshotOutcome()
        }
        let batch = takeCompaction()
        let result = Result { try writer.writeNow(batch) }
        finished(batch, covers: appended, with: result)
        _ = try result.get()
    }
}
