import Foundation

/// Counts and indexes over a phase's tasks of one kind (maps or reduces), kept up to date as
/// each task record changes, so that a heartbeat reads them instead of scanning every task.
///
/// With thousands of trackers and a job of 100,000 maps, a heartbeat that counted a tracker's
/// running attempts, finished maps or pending tasks by scanning the task list did work in
/// proportion to the job for every heartbeat. ``PhaseRecord`` routes every change of a task
/// record through ``update(from:to:at:in:)``, which adjusts each figure by the difference.
struct TaskKindIndex: Sendable {
    /// Tasks waiting for an attempt.
    private(set) var pending = 0
    /// Tasks with a running attempt.
    private(set) var running = 0
    /// Tasks done.
    private(set) var succeeded = 0
    /// Running attempts, backups included.
    private(set) var runningAttempts = 0
    /// Running attempts by tracker.
    private(set) var runningByTracker: [String: Int] = [:]
    /// The indices of running tasks.
    private(set) var runningTasks: Set<Int> = []
    /// The indices of finished tasks by the tracker their output is on (the last successful
    /// attempt's), so that losing a tracker visits only its outputs.
    private(set) var outputsByTracker: [String: Set<Int>] = [:]
    /// No task before this index is pending.
    private(set) var firstPending = 0
    /// How long each finished task's first successful attempt ran, by task index.
    private var durations: [Int: Double] = [:]
    /// The median of `durations` when it last had `medianCount` entries.
    private(set) var medianDuration: Double?
    private var medianCount = 0

    /// Builds the index of `tasks` from scratch.
    init(_ tasks: [TaskRecord]) {
        for index in tasks.indices { add(tasks[index], at: index, sign: 1) }
        advancePending(in: tasks)
        refreshMedian()
    }

    /// How many tasks have finished, for the speculation threshold.
    var finished: Int { durations.count }

    /// Adjusts the index for the task at `index` changing from `old` to `new`; `tasks` already
    /// holds `new`.
    mutating func update(from old: TaskRecord, to new: TaskRecord, at index: Int, in tasks: [TaskRecord]) {
        add(old, at: index, sign: -1)
        add(new, at: index, sign: 1)
        if new.state == .pending, index < firstPending { firstPending = index }
        if index == firstPending { advancePending(in: tasks) }
        let drift = abs(durations.count - medianCount)
        if drift > 0, drift >= max(1, medianCount / 64) { refreshMedian() }
    }

    private mutating func add(_ task: TaskRecord, at index: Int, sign: Int) {
        switch task.state {
        case .pending: pending += sign
        case .running:
            running += sign
            if sign > 0 { runningTasks.insert(index) } else { runningTasks.remove(index) }
        case .succeeded:
            succeeded += sign
            if let holder = task.attempts.last(where: { $0.state == .succeeded })?.tracker {
                if sign > 0 {
                    outputsByTracker[holder, default: []].insert(index)
                } else {
                    outputsByTracker[holder]?.remove(index)
                    if outputsByTracker[holder]?.isEmpty == true { outputsByTracker[holder] = nil }
                }
            }
        }
        for attempt in task.attempts where attempt.state == .running {
            runningAttempts += sign
            runningByTracker[attempt.tracker, default: 0] += sign
            if runningByTracker[attempt.tracker] == 0 { runningByTracker[attempt.tracker] = nil }
        }
        let firstSuccess = task.attempts.first { $0.state == .succeeded }
        if let firstSuccess, let end = firstSuccess.finishedAt {
            durations[index] = sign > 0 ? end.timeIntervalSince(firstSuccess.startedAt) : nil
        } else if sign < 0 {
            durations[index] = nil
        }
    }

    private mutating func advancePending(in tasks: [TaskRecord]) {
        while firstPending < tasks.count, tasks[firstPending].state != .pending { firstPending += 1 }
    }

    /// Recomputes the median, which speculation compares running attempts with; it is refreshed
    /// whenever the finished tasks have changed by a sixty-fourth, so a heartbeat never sorts.
    private mutating func refreshMedian() {
        medianCount = durations.count
        let sorted = durations.values.sorted()
        medianDuration = sorted.isEmpty ? nil : sorted[sorted.count / 2]
    }
}
