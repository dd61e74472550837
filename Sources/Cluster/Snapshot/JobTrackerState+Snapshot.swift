import Foundation
import MapReduce

extension JobTrackerState {
    /// Every tracker as the console shows it: registered ones first, then departed ones, by id.
    func trackerStatuses() -> [TrackerStatus] {
        trackerPage(offset: 0, limit: .max).trackers
    }

    /// At most `limit` trackers from position `offset` in the order of ``trackerStatuses()``, with
    /// the summary of them all; only the trackers of the page are looked up and described.
    func trackerPage(offset: Int, limit: Int) -> TrackerPage {
        let (failures, blacklisted) = trackerFailures()
        let registered = trackers.keys.sorted()
        let total = registered.count + departedTrackers.count
        let start = min(max(0, offset), total)
        let end = start + min(max(0, limit), total - start)
        let departed = end > registered.count ? departedTrackers.keys.sorted() : []
        let page = (start..<end).map { index in
            index < registered.count
                ? status(of: trackers[registered[index]]!, failures: failures, blacklistedBy: blacklisted)
                : status(of: departedTrackers[departed[index - registered.count]]!, failures: failures)
        }
        return TrackerPage(
            offset: start,
            total: total,
            trackers: page,
            summary: trackerSummary(blacklisted: blacklisted)
        )
    }

    /// The trackers, registered and departed, counted by state, with the slots of those that take
    /// tasks and the attempts running.
    func trackerSummary() -> TrackerSummary {
        trackerSummary(blacklisted: trackerFailures().blacklisted)
    }

    private func trackerSummary(blacklisted: [String: [String]]) -> TrackerSummary {
        var summary = TrackerSummary(
            live: 0,
            draining: 0,
            full: 0,
            blacklisted: 0,
            lost: departedTrackers.count,
            slots: 0,
            slotsUsed: runningJobs.reduce(0) { $0 + jobs[$1]!.phase.runningAttempts }
        )
        for record in trackers.values {
            switch Self.state(of: record, blacklisted: blacklisted[record.id] != nil) {
            case .live: summary.live += 1
            case .draining: summary.draining += 1
            case .full: summary.full += 1
            case .blacklisted: summary.blacklisted += 1
            case .lost: summary.lost += 1
            }
            if record.acceptsTasks { summary.slots += record.slots }
        }
        return summary
    }

    /// Failed attempts by tracker over every job held, and the running jobs that blacklisted each
    /// tracker; the work is in proportion to the jobs and the trackers they failed on.
    private func trackerFailures() -> (failures: [String: Int], blacklisted: [String: [String]]) {
        var failures: [String: Int] = [:]
        var blacklisted: [String: [String]] = [:]
        for id in jobOrder {
            let job = jobs[id]!
            for (tracker, count) in job.trackerFailures { failures[tracker, default: 0] += count }
            if job.state == .running {
                for tracker in job.blacklistedTrackers { blacklisted[tracker, default: []].append("\(id)") }
            }
        }
        return (failures, blacklisted)
    }

    private static func state(of record: TrackerRecord, blacklisted: Bool) -> TrackerStatus.State {
        !record.acceptsTasks ? (record.refusal.isEmpty ? .draining : .full) : blacklisted ? .blacklisted : .live
    }

    private func status(
        of record: TrackerRecord,
        failures: [String: Int],
        blacklistedBy: [String: [String]]
    ) -> TrackerStatus {
        let by = blacklistedBy[record.id] ?? []
        return TrackerStatus(
            id: record.id,
            address: "\(record.host):\(record.shufflePort)",
            state: Self.state(of: record, blacklisted: !by.isEmpty),
            lastHeartbeat: record.lastHeartbeat.timeIntervalSince1970,
            slots: record.slots,
            runningAttempts: runningAttempts(on: record.id),
            failures: failures[record.id] ?? 0,
            blacklistedBy: by,
            reason: record.refusal,
            freeBytes: record.freeBytes < 0 ? nil : record.freeBytes
        )
    }

    private func status(of gone: DepartedTracker, failures: [String: Int]) -> TrackerStatus {
        TrackerStatus(
            id: gone.record.id,
            address: "\(gone.record.host):\(gone.record.shufflePort)",
            state: .lost,
            lastHeartbeat: gone.leftAt.timeIntervalSince1970,
            slots: gone.record.slots,
            runningAttempts: 0,
            failures: failures[gone.record.id] ?? 0,
            blacklistedBy: [],
            reason: gone.reason
        )
    }

    /// A job's phases with their tasks, or nil when this state does not hold the job.
    func phaseStatuses(of job: JobID, now: Date) -> [PhaseStatus]? {
        guard let record = jobs[job] else { return nil }
        return (record.finishedPhases + [record.phase]).map { phase in
            var latest: [Int: MapOutputLocation] = [:]
            for completion in phase.completions { latest[completion.location.mapIndex] = completion.location }
            let outputs = Array(latest.values)
            return PhaseStatus(
                index: phase.index,
                name: phase.name,
                tasks: (phase.maps + phase.reduces).map {
                    status(of: $0, mapOutputs: outputs, jobState: record.state, now: now)
                }
            )
        }
    }

    /// A task's status; in an ended job, a task that did not succeed is `failed` if an attempt
    /// of it failed and `killed` otherwise. `mapOutputs` are the phase's latest output of each map.
    private func status(
        of task: TaskRecord,
        mapOutputs: [MapOutputLocation],
        jobState: JobRunState,
        now: Date
    ) -> TaskStatus {
        let attempts = task.attempts.map { attempt in
            AttemptStatus(
                id: "\(attempt.id)",
                tracker: attempt.tracker,
                state: Self.name(of: attempt.state),
                startedAt: attempt.startedAt.timeIntervalSince1970,
                finishedAt: attempt.finishedAt?.timeIntervalSince1970,
                records: attempt.records,
                failure: attempt.failure,
                logTail: attempt.logTail
            )
        }
        var duration = 0.0
        if let first = task.attempts.first {
            let end =
                task.state == .succeeded
                ? task.attempts.first { $0.state == .succeeded }?.finishedAt ?? now
                : task.runningAttempts.isEmpty ? task.attempts.compactMap(\.finishedAt).max() ?? now : now
            duration = end.timeIntervalSince(first.startedAt)
        }
        let input: Int64
        let output: Int64
        if task.id.kind == .map {
            input =
                task.counters[.mapInputBytes] > 0
                ? task.counters[.mapInputBytes] : task.splits.reduce(0) { $0 + $1.length }
            output = task.counters[.mapOutputBytes]
        } else {
            input = mapOutputs.reduce(0) { sum, location in
                sum + (task.id.index < location.segments.count ? location.segments[task.id.index].length : 0)
            }
            output = task.attempts.first { $0.state == .succeeded }?.outputBytes ?? 0
        }
        let state: String
        switch task.state {
        case .succeeded: state = "succeeded"
        case _ where jobState != .running: state = task.failures > 0 ? "failed" : "killed"
        case .pending: state = "pending"
        case .running: state = "running"
        }
        return TaskStatus(
            id: "\(task.id)",
            kind: task.id.kind.name,
            state: state,
            attempts: attempts,
            failures: task.failures,
            durationSeconds: max(0, duration),
            inputBytes: input,
            outputBytes: output,
            counters: task.counters.values
        )
    }

    private static func name(of state: AttemptRecord.State) -> String {
        switch state {
        case .running: "running"
        case .succeeded: "succeeded"
        case .failed: "failed"
        case .killed: "killed"
        }
    }
}
