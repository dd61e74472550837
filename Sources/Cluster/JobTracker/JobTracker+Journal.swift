import Foundation

extension JobTracker {
    /// Returns once the journal holds what was appended before the call: a group commit. The
    /// journal's writer syncs on a queue of its own while the JobTracker goes on serving, and one
    /// fsync makes the records of every request handled meanwhile durable.
    func syncJournal() async throws {
        guard let journal, journal.durable < journal.appended else { return }
        let target = journal.appended
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            journalWaiters.append((target, continuation))
            writeJournal()
        }
    }

    /// Lets `reply` leave at once while the journal is at most
    /// ``JobTrackerConfiguration/journalLagLimit`` records behind its disk, starting the write of
    /// what is buffered; past that, returns once the journal holds what was appended before the
    /// call. If the journal cannot be written, the reply's kills are kept for the next heartbeat
    /// and the error is thrown.
    ///
    /// A heartbeat's reports need not be on disk before the tracker hears the reply: a restarted
    /// JobTracker has a new epoch and applies no report of an earlier one, so a report the crash
    /// kept from the disk makes its task run again whether or not the tracker heard the reply.
    /// Waiting would put an fsync into every tracker's round trip; the limit bounds the tasks a
    /// crash sends back and the memory the records take, and makes heartbeats wait for a journal
    /// that cannot keep up or cannot be written.
    func waitForJournalIfBehind(before reply: HeartbeatReply, to tracker: String) async throws {
        guard let journal, journal.unsynced > configuration.journalLagLimit else {
            if journal?.hasPending == true { writeJournal() }
            return
        }
        do {
            try await syncJournal()
        } catch {
            for attempt in reply.killAttempts { state.kill(attempt, on: tracker) }
            throw error
        }
    }

    /// How many journaled records are not yet known to be on disk.
    var unsyncedJournalRecords: Int { journal?.unsynced ?? 0 }

    /// Starts handing the journal's buffered records to its writer, unless that is under way: the
    /// records appended while one batch is written go in the next.
    func writeJournal() {
        guard journal != nil, !journalWriting else { return }
        journalWriting = true
        Task { await writeJournalBatches() }
    }

    private func writeJournalBatches() async {
        defer { journalWriting = false }
        guard let journal else { return }
        while true {
            let taken: (batch: JournalBatch, covers: Int)?
            do {
                taken = try journal.takeBatch()
            } catch {
                resumeJournalWaiters(throwing: error)
                return
            }
            guard let (batch, covers) = taken else {
                resumeJournalWaiters(upTo: journal.appended)
                return
            }
            let handed = ContinuousClock.now
            let result = await journal.writer.write(batch)
            metrics.journalSynced(in: ContinuousClock.now - handed)
            journal.finished(batch, covers: covers, with: result)
            note(result)
            if case .failure(let error) = result {
                resumeJournalWaiters(throwing: error)
                return
            }
            resumeJournalWaiters(upTo: journal.durable)
        }
    }

    private func resumeJournalWaiters(upTo durable: Int) {
        let done = journalWaiters.filter { $0.upTo <= durable }
        journalWaiters.removeAll { $0.upTo <= durable }
        for waiter in done { waiter.continuation.resume() }
    }

    private func resumeJournalWaiters(throwing error: any Error) {
        let waiters = journalWaiters
        journalWaiters = []
        for waiter in waiters { waiter.continuation.resume(throwing: error) }
    }

    /// Writes and syncs the journal's buffered records, waiting for them; a failure is logged once
    /// and makes the JobTracker refuse new submissions, and the caller's request fails, until a
    /// write succeeds.
    func flushJournal() throws {
        guard let journal, journal.hasPending else { return }
        do {
            try journal.flush()
            note(.success(0))
        } catch {
            note(.failure(error))
            throw error
        }
    }

    /// Logs a journal write's failure once, and the first success after one, and keeps why new
    /// submissions are refused.
    private func note(_ result: Result<Int, any Error>) {
        switch result {
        case .success:
            if journalFailure != nil {
                logger.notice("the journal is writable again; taking new jobs")
                journalFailure = nil
            }
        case .failure(let error):
            if journalFailure == nil {
                logger.error("cannot write the journal; refusing new jobs", metadata: ["error": "\(error)"])
            }
            journalFailure = "\(error)"
        }
    }
}
