import Foundation
import MapReduce

/// The JobTracker's view of one task: its input, its attempts and whether it is done.
struct TaskRecord: Sendable {
    /// Where a task is in its life.
    enum State: Sendable, Equatable {
        case pending
        case running
        case succeeded
    }

    let id: TaskID
    /// A map's splits; empty for a reduce.
    let splits: [InputSplit]
    var state: State = .pending
    var attempts: [AttemptRecord] = []
    /// Failed attempts so far (killed ones do not count).
    var failures = 0
    /// The last failure's message.
    var lastFailure = ""
    /// The counters of the attempt that succeeded.
    var counters = Counters()
    /// The number of the task's first attempt: 0, or, in a job resumed after a JobTracker
    /// restart, a number no attempt of an earlier JobTracker process can have.
    var firstAttemptNumber = 0

    init(id: TaskID, splits: [InputSplit] = []) {
        self.id = id
        self.splits = splits
    }

    /// The attempts still running.
    var runningAttempts: [AttemptRecord] { attempts.filter { $0.state == .running } }

    /// Starts a new attempt on `tracker`.
    mutating func startAttempt(on tracker: String, at now: Date) -> AttemptID {
        let attempt = AttemptID(task: id, number: firstAttemptNumber + attempts.count)
        attempts.append(AttemptRecord(id: attempt, tracker: tracker, startedAt: now))
        state = .running
        return attempt
    }

    /// Returns to pending when no attempt is running any more and the task has not succeeded.
    mutating func settle() {
        if state == .running, runningAttempts.isEmpty { state = .pending }
    }
}

/// One attempt at a task, as the JobTracker tracks it.
struct AttemptRecord: Sendable {
    /// Where an attempt is in its life.
    enum State: Sendable, Equatable {
        case running
        case succeeded
        case failed
        case killed
    }

    let id: AttemptID
    /// The tracker it ran on; empty for a map output recovered from the journal until a tracker
    /// that holds it registers.
    var tracker: String
    let startedAt: Date
    var state: State = .running
    var records: Int64 = 0
    var finishedAt: Date?
    /// When the attempt last reported more records (or started).
    var progressedAt: Date
    /// Why it failed, or empty.
    var failure = ""
    /// The last lines it wrote on standard error, when it failed.
    var logTail: [String] = []
    /// Bytes of output files a reduce attempt uploaded for its commit.
    var outputBytes: Int64 = 0

    init(id: AttemptID, tracker: String, startedAt: Date) {
        self.id = id
        self.tracker = tracker
        self.startedAt = startedAt
        progressedAt = startedAt
    }
}
