import Foundation
import Glibc

/// The JobTracker's journal in `<data-dir>/journal/`: a snapshot plus an append-only tail.
///
/// Opening it replays `snapshot` and then `journal.log` (see ``JournalFile`` for the layout),
/// drops a torn last record, starts a new epoch and compacts at once, so every JobTracker process
/// starts from a snapshot and an empty tail. Records are buffered by ``append(_:)`` and written
/// and synced together by ``flush()``, which the JobTracker calls before it answers the request
/// whose events they record: a heartbeat carrying many reports costs one fsync. A tail grown past
/// ``compactionThreshold`` (and past twice the snapshot) is folded into a new snapshot.
///
/// A compaction writes the snapshot of generation G+1 and renames it into place, then replaces
/// the tail with an empty one of generation G+1. A tail of an older generation than the snapshot
/// is one a crash left between those steps; it is already in the snapshot and is ignored.
final class Journal {
    /// The journal's directory.
    let directory: String
    /// The running jobs and epoch journaled so far, including buffered records.
    private(set) var state: JournalState
    /// Where the torn record that opening dropped began, if there was one.
    let droppedTornRecordAt: Int?
    /// The tail's descriptor, open for appending.
    private(set) var descriptor: Int32 = -1
    /// The write or fsync that failed, and when (a full disk, an I/O error): the tail may end in part of a
    /// record, so nothing more is appended to it; the next flush, a second later at the soonest,
    /// compacts instead, writing the whole state into a new snapshot and an empty tail.
    /// Its error is thrown again until then.
    private var failure: (error: JournalWriteError, at: ContinuousClock.Instant)?
    private var pending: [JournalRecord] = []
    private var generation: UInt64
    private var tailBytes = 0
    private var snapshotBytes = 0

    /// Tail size beyond which a flush compacts.
    static let compactionThreshold = 8 << 20

    var snapshotPath: String { directory + "/snapshot" }
    var tailPath: String { directory + "/journal.log" }

    /// Opens (or creates) the journal in `directory`, replays it and starts the next epoch.
    init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var state = JournalState()
        var generation: UInt64 = 0
        let snapshot = directory + "/snapshot"
        if FileManager.default.fileExists(atPath: snapshot) {
            let contents = try JournalFile.read(snapshot, magic: JournalFile.snapshotMagic, tornTailAllowed: false)
            generation = contents.generation
            for record in contents.records { state.apply(record) }
        }
        var torn: Int?
        let tail = directory + "/journal.log"
        if FileManager.default.fileExists(atPath: tail) {
            let contents = try JournalFile.read(tail, magic: JournalFile.journalMagic, tornTailAllowed: true)
            if contents.generation > generation {
                throw JournalCorruption(
                    path: tail,
                    offset: 8,
                    problem: "generation \(contents.generation) is newer than the snapshot's \(generation)"
                )
            }
            if contents.generation == generation {
                for record in contents.records { state.apply(record) }
                if contents.validLength < contents.size { torn = contents.validLength }
            }
        }
        state.apply(.started(epoch: state.epoch + 1))
        self.state = state
        self.generation = generation
        droppedTornRecordAt = torn
        try compact()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The epoch of this JobTracker process.
    var epoch: UInt64 { state.epoch }

    /// Buffers a record until the next ``flush()``.
    func append(_ record: JournalRecord) {
        state.apply(record)
        pending.append(record)
    }

    /// Whether records wait to be written, or a failed write waits to be tried again.
    var hasPending: Bool { !pending.isEmpty || failure.map { .now - $0.at >= Self.retryInterval } ?? false }

    /// How long after a failed write the journal tries again.
    static let retryInterval = Duration.seconds(1)

    /// Writes and syncs the buffered records; compacts when the tail has grown large or a write
    /// failed before. A failure keeps every record for the next try: none is lost while the
    /// process lives, and none is half-appended behind a record written later.
    func flush() throws {
        if let failure {
            guard ContinuousClock.now - failure.at >= Self.retryInterval else { throw failure.error }
            try recordingFailure { try compact() }
            self.failure = nil
            return
        }
        guard !pending.isEmpty else { return }
        let bytes = JournalFile.frame(pending)
        try recordingFailure {
            try JournalFile.writeAll(bytes, to: descriptor, path: tailPath)
            guard fsync(descriptor) == 0 else { throw JournalWriteError(path: tailPath, action: "fsync") }
            pending = []
            tailBytes += bytes.count
            if tailBytes > max(Self.compactionThreshold, 2 * snapshotBytes) { try compact() }
        }
    }

    /// Runs `body`, remembering a write error it throws for ``flush()``'s next try.
    private func recordingFailure(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as JournalWriteError {
            failure = (error, .now)
            throw error
        }
    }

    /// Writes the state as the next generation's snapshot and starts an empty tail.
    func compact() throws {
        pending = []
        let records = JournalFile.frame(state.records)
        let next = generation + 1
        try JournalFile.writeAtomically(
            snapshotPath,
            magic: JournalFile.snapshotMagic,
            generation: next,
            records: records
        )
        try JournalFile.writeAtomically(tailPath, magic: JournalFile.journalMagic, generation: next, records: [])
        if descriptor >= 0 { close(descriptor) }
        descriptor = open(tailPath, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw JournalWriteError(path: tailPath, action: "open") }
        generation = next
        snapshotBytes = records.count
        tailBytes = 0
    }
}
