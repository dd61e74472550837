import MapReduce

/// What a request held by the JobTracker waits for, so that a change wakes only the requests it
/// concerns instead of every one.
enum ChangeTopic: Hashable, Sendable {
    /// Work a tracker with a free slot could take: a job or phase started, a task to run again,
    /// reduces allowed to start.
    case work
    /// News for one tracker: an attempt it runs is to be killed.
    case tracker(String)
    /// A job's progress: a task of it finished or failed, or it ended.
    case job(JobID)
    /// A tracker joined or left.
    case trackers
}
