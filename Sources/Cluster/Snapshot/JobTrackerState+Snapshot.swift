import Foundation
import MapReduce

extension JobTrackerState {
    /// The trackers as the console shows them: registered ones first, then departed ones, by id.
    func trackerStatuses() -> [TrackerStatus] {
        var failures: [String: Int] = [:]
        var blacklisted: [String: [String]] = [:]
        for id in jobOrder {
            let job = jobs[id]!
            for (tracker, count) in job.trackerFailures { failures[tracker, default: 0] += count }
            if job.state == .running {
                for tracker in job.blacklistedTrackers { blacklisted[tracker, default: []].append("\(id)") }
            }
        }
        let registered = trackers.values.sorted { $0.id < $1.id }.map { record in
            let by = blacklisted[record.id] ?? []
            let state: TrackerStatus.State =
                !record.acceptsTasks ? (record.refusal.isEmpty ? .draining : .full) : by.isEmpty ? .live : .blacklisted
            return TrackerStatus(
                id: record.id,
                address: "\(record.host):\(record.shufflePort)",
                state: state,
                lastHeartbeat: record.lastHeartbeat.timeIntervalSince1970,
                slots: record.slots,
                runningAttempts: runningAttempts(on: record.id),
                failures: failures[record.id] ?? 0,
                blacklistedBy: by,
                reason: record.refusal,
                freeBytes: record.freeBytes < 0 ? nil : record.freeBytes
            )
        }
        let departed = departedTrackers.values.sorted { $0.record.id < $1.record.id }.map { gone in
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
        return registered + departed
    }

    /// A job's phases with their tasks, or nil when this state does not hold the job.
    func phaseStatuses(of job: JobID, now: Date) -> [PhaseStatus]? {
        guard let record = jobs[job] else { return nil }
        return (record.finishedPhases + [record.phase]).map { phase in
            PhaseStatus(
                index: phase.index,
                name: phase.name,
                tasks: (phase.maps + phase.reduces).map { status(of: $0, in: phase, jobState: record.state, now: now) }
            )
        }
    }

    /// A task's status; in an ended job, a task that did not succeed is `failed` if an attempt
    /// of it failed and `killed` otherwise.
    private func status(of task: TaskRecord, in phase: PhaseRecord, jobState: JobRunState, now: Date) -> TaskStatus {
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
            var latest: [Int: MapOutputLocation] = [:]
            for completion in phase.completions { latest[completion.location.mapIndex] = completion.location }
            input = latest.values.reduce(0) { sum, location in
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
