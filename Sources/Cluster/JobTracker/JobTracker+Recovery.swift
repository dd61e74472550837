import Foundation
import MapReduce
import MapReduceEngine

extension JobTracker {
    /// How many attempt numbers each JobTracker epoch has per task: a task resumed in epoch E
    /// numbers its attempts from E times this, so they never collide with an earlier process's.
    static let attemptsPerEpoch = 1000

    /// Resumes the running jobs the journal holds from before a restart, each in the phase it
    /// was in: committed tasks stay done, committed map outputs wait (until the tracker expiry)
    /// for a registering tracker that still holds them, and every other task runs again.
    public func resumeJournaledJobs() async {
        guard let journal else { return }
        if let torn = journal.droppedTornRecord {
            logger.warning(
                "dropped a torn last journal record (a write the power loss or kill cut short)",
                metadata: ["file": "\(torn.path)", "offset": "\(torn.offset)"]
            )
        }
        let now = Date()
        let jobs = journal.state.order.compactMap { journal.state.jobs[$0] }
        for journaled in jobs { await resume(journaled, at: now) }
        if !jobs.isEmpty {
            adoptionDeadline = now.addingTimeInterval(configuration.settings.trackerExpiry.seconds)
            logger.notice(
                "JobTracker restarted; jobs resumed",
                metadata: ["jobs": "\(jobs.count)", "epoch": "\(epoch)"]
            )
        }
        do {
            try flushJournal()
        } catch {
            logger.error("cannot write the journal after resuming jobs", metadata: ["error": "\(error)"])
        }
        notify(.work, .trackers)
    }

    /// Puts one journaled job back in the state, in its phase, with its committed tasks done.
    private func resume(_ journaled: JournaledJob, at now: Date) async {
        let id = journaled.job
        let request = journaled.request
        var phase =
            journaled.plan.map { plannedPhase(journaled.phase, of: id, plan: $0, broadcast: journaled.broadcast) }
            ?? .setup(of: id, inputs: journaled.setupInputs)
        for task in phase.maps.map(\.id) + phase.reduces.map(\.id) {
            phase[task].firstAttemptNumber = Int(epoch) * Self.attemptsPerEpoch
        }
        var counters = journaled.counters
        var unadopted: [MapOutputLocation] = []
        for commit in journaled.commits {
            let task = commit.attempt.task
            let count = task.kind == .reduce ? phase.reduces.count : phase.maps.count
            guard task.index < count else { continue }
            var attempt = AttemptRecord(id: commit.attempt, tracker: "", startedAt: now)
            attempt.state = .succeeded
            attempt.finishedAt = now
            attempt.outputBytes = commit.outputBytes
            phase[task].attempts = [attempt]
            phase[task].state = .succeeded
            phase[task].counters = commit.counters
            counters.add(commit.counters)
            if let location = commit.location { unadopted.append(location) }
        }
        if !phase.maps.isEmpty, phase.mapsDone == phase.maps.count { phase.mapsFinishedAt = now }
        var record = JobRecord(
            id: id,
            request: request,
            phaseNames: journaled.plan?.phases.map(\.name) ?? ["setup"],
            phase: phase,
            submittedAt: journaled.submittedAt
        )
        record.counters = counters
        record.resumptions = journaled.resumptions + [now]
        state.resume(record, unadopted: unadopted)
        journal?.append(.resumed(job: id, at: now))
        inputs[id] = Set(journaled.inputs)
        do {
            if case .stored(let binary) = request.binary { try await jobFiles.retain(binary.sha256, for: id) }
            for file in try ShippedFiles.decode(request.parameters) { try await jobFiles.retain(file.sha256, for: id) }
            if let plan = journaled.plan {
                plans[id] = plan
                let committer =
                    journaled.phase == plan.phases.count - 1
                    ? JobOutputCommitter(
                        outputPath: request.outputPath,
                        job: id,
                        replacesExisting: request.replacesOutput
                    )
                    : try phaseCommitter(journaled.phase, of: id)
                if phase.isComplete {
                    if FileManager.default.fileExists(atPath: committer.stagingPath) {
                        try FileManager.default.createDirectory(
                            atPath: committer.temporaryPath,
                            withIntermediateDirectories: true
                        )
                    }
                    committers[id] = committer
                } else {
                    try committer.prepare()
                    try use(committer, for: id)
                }
            }
        } catch {
            end(id, as: .failed, failure: "cannot resume the job after a JobTracker restart: \(error)")
            return
        }
        logger.info(
            "job resumed",
            metadata: [
                "job": "\(id)", "phase": "\(phase.name)", "maps-done": "\(phase.mapsDone)/\(phase.maps.count)",
                "reduces-done": "\(phase.reducesDone)/\(phase.reduces.count)",
            ]
        )
        if journaled.plan != nil, phase.isComplete { finishPhase(of: id) }
    }
}
