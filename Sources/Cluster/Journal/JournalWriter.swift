import Dispatch
import Glibc
import Synchronization

/// The journal's files, written off the JobTracker's actor so that no fsync blocks it.
///
/// Batches are written one at a time in the order they were handed in, whether awaited
/// (``write(_:)``, written by a queue of the writer's own) or written on the caller's thread
/// (``writeNow(_:)``, which first writes the batches handed in before it), so the tail's records
/// stay in the order the JobTracker appended them; nothing waits for a queue while holding a
/// thread of the task pool. After an append fails the tail may end in part of a record: every
/// later append fails with the same error until a compaction has replaced the tail.
///
/// A roll-over starts the next generation's tail at once and writes the snapshot on a second
/// queue, so appends go on while a large state is encoded and synced. Its outcome waits in
/// ``takeSnapshotOutcome()``; the journal hands in no compaction or roll-over while one is written.
final class JournalWriter: Sendable {
    /// The journal's directory.
    let directory: String
    private let queue = DispatchQueue(label: "mapreduce.journal-writer")
    private let snapshotQueue = DispatchQueue(label: "mapreduce.journal-snapshot")
    private let snapshots = DispatchGroup()
    private let files = Mutex<Files>(Files())

    private struct Files {
        /// The tail's descriptor, open for appending; -1 before the first compaction.
        var descriptor: Int32 = -1
        /// The name of the file the descriptor appends to: `journal.next` while a roll-over's
        /// snapshot is written, `journal.log` otherwise.
        var tail = ""
        /// The failed append that broke the tail, if one did since the last compaction.
        var broken: JournalWriteError?
        /// Batches handed in to ``write(_:)`` and not yet written, oldest first, with whom to tell.
        var queued: [(batch: JournalBatch, done: @Sendable (Result<Int, any Error>) -> Void)] = []
        /// How the last roll-over's snapshot ended, until taken: the snapshot's bytes, or the error.
        var snapshotOutcome: Result<Int, any Error>?
    }

    var snapshotPath: String { directory + "/snapshot" }
    var tailPath: String { directory + "/journal.log" }
    /// The next generation's tail, appended to while a roll-over's snapshot is written.
    var nextTailPath: String { directory + "/journal.next" }

    /// A writer of the files in `directory`; the first batch must be a compaction.
    init(directory: String) {
        self.directory = directory
    }

    deinit {
        files.withLock { if $0.descriptor >= 0 { close($0.descriptor) } }
    }

    /// The tail's descriptor, open for appending.
    var descriptor: Int32 { files.withLock { $0.descriptor } }

    /// Writes the batches handed in before, then `batch`, on the caller's thread, and returns the
    /// bytes `batch` wrote (the snapshot's records for a compaction).
    func writeNow(_ batch: JournalBatch) throws -> Int {
        try files.withLock { files in
            writeQueued(&files)
            return try perform(batch, &files)
        }
    }

    /// Hands `batch` in at once, behind the batches handed in before it, and returns the bytes it
    /// wrote or the error once it has been written, without holding a thread meanwhile.
    func write(_ batch: JournalBatch) async -> Result<Int, any Error> {
        await withCheckedContinuation { continuation in
            files.withLock { $0.queued.append((batch, { continuation.resume(returning: $0) })) }
            queue.async { self.files.withLock { self.writeQueued(&$0) } }
        }
    }

    /// How the last roll-over's snapshot ended, once it has: the bytes of its records, or why it
    /// failed; nil while it is written or when none ended since the last call.
    func takeSnapshotOutcome() -> Result<Int, any Error>? {
        files.withLock { files in
            defer { files.snapshotOutcome = nil }
            return files.snapshotOutcome
        }
    }

    /// Waits until no roll-over's snapshot is being written.
    func waitForSnapshot() {
        snapshots.wait()
    }

    private func writeQueued(_ files: inout Files) {
        while !files.queued.isEmpty {
            let (batch, done) = files.queued.removeFirst()
            done(Result { try perform(batch, &files) })
        }
    }

    private func perform(_ batch: JournalBatch, _ files: inout Files) throws -> Int {
        switch batch {
        case .append(let bytes):
            try append(bytes, &files)
            return bytes.count
        case .rollOver(let bytes, let state, let generation):
            do {
                try append(bytes, &files)
                try startNextTail(generation: generation, &files)
            } catch {
                files.snapshotOutcome = .failure(error)
                throw error
            }
            writeSnapshotInBackground(state, generation: generation)
            return bytes.count
        case .compact(let state, let generation):
            let written = try JournalFile.writeSnapshot(of: state, to: snapshotPath, generation: generation)
            try JournalFile.writeAtomically(
                tailPath,
                magic: JournalFile.journalMagic,
                generation: generation,
                records: []
            )
            if unlink(nextTailPath) == 0 { try JournalFile.syncDirectory(of: nextTailPath) }
            try reopen(tailPath, &files)
            files.broken = nil
            return written
        }
    }

    private func append(_ bytes: [UInt8], _ files: inout Files) throws {
        if let broken = files.broken { throw broken }
        do {
            try JournalFile.writeAll(bytes, to: files.descriptor, path: files.tail)
            guard fsync(files.descriptor) == 0 else { throw JournalWriteError(path: files.tail, action: "fsync") }
        } catch let error as JournalWriteError {
            files.broken = error
            throw error
        }
    }

    /// Creates the empty tail of `generation` as `journal.next` and appends to it from now on.
    private func startNextTail(generation: UInt64, _ files: inout Files) throws {
        try JournalFile.writeAtomically(
            nextTailPath,
            magic: JournalFile.journalMagic,
            generation: generation,
            records: []
        )
        try reopen(nextTailPath, &files)
    }

    private func reopen(_ path: String, _ files: inout Files) throws {
        if files.descriptor >= 0 { close(files.descriptor) }
        files.descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        files.tail = path
        guard files.descriptor >= 0 else { throw JournalWriteError(path: path, action: "open") }
    }

    /// Writes `state` as generation `generation`'s snapshot on the snapshot queue, then renames
    /// `journal.next`, which appends go on to, to `journal.log`.
    private func writeSnapshotInBackground(_ state: JournalState, generation: UInt64) {
        snapshots.enter()
        snapshotQueue.async {
            defer { self.snapshots.leave() }
            let outcome = Result {
                let written = try JournalFile.writeSnapshot(of: state, to: self.snapshotPath, generation: generation)
                guard rename(self.nextTailPath, self.tailPath) == 0 else {
                    throw JournalWriteError(path: self.tailPath, action: "rename into place")
                }
                try JournalFile.syncDirectory(of: self.tailPath)
                return written
            }
            self.files.withLock { files in
                if case .success = outcome, files.tail == self.nextTailPath { files.tail = self.tailPath }
                files.snapshotOutcome = outcome
            }
        }
    }
}
