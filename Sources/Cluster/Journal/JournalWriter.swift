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
final class JournalWriter: Sendable {
    /// The journal's directory.
    let directory: String
    private let queue = DispatchQueue(label: "mapreduce.journal-writer")
    private let files = Mutex<Files>(Files())

    private struct Files {
        /// The tail's descriptor, open for appending; -1 before the first compaction.
        var descriptor: Int32 = -1
        /// The failed append that broke the tail, if one did since the last compaction.
        var broken: JournalWriteError?
        /// Batches handed in to ``write(_:)`` and not yet written, oldest first, with whom to tell.
        var queued: [(batch: JournalBatch, done: @Sendable (Result<Int, any Error>) -> Void)] = []
    }

    var snapshotPath: String { directory + "/snapshot" }
    var tailPath: String { directory + "/journal.log" }

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

    private func writeQueued(_ files: inout Files) {
        while !files.queued.isEmpty {
            let (batch, done) = files.queued.removeFirst()
            done(Result { try perform(batch, &files) })
        }
    }

    private func perform(_ batch: JournalBatch, _ files: inout Files) throws -> Int {
        switch batch {
        case .append(let bytes):
            if let broken = files.broken { throw broken }
            do {
                try JournalFile.writeAll(bytes, to: files.descriptor, path: tailPath)
                guard fsync(files.descriptor) == 0 else { throw JournalWriteError(path: tailPath, action: "fsync") }
            } catch let error as JournalWriteError {
                files.broken = error
                throw error
            }
            return bytes.count
        case .compact(let state, let generation):
            let records = JournalFile.frame(state.records)
            try JournalFile.writeAtomically(
                snapshotPath,
                magic: JournalFile.snapshotMagic,
                generation: generation,
                records: records
            )
            try JournalFile.writeAtomically(
                tailPath,
                magic: JournalFile.journalMagic,
                generation: generation,
                records: []
            )
            if files.descriptor >= 0 { close(files.descriptor) }
            files.descriptor = open(tailPath, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard files.descriptor >= 0 else { throw JournalWriteError(path: tailPath, action: "open") }
            files.broken = nil
            return records.count
        }
    }
}
