/// A point at which a JobTracker started for a recovery test SIGKILLs itself, once, after
/// syncing its journal: moments too brief for a test to hit with a signal from outside.
public enum JobTrackerCrashPoint: String, Sendable, CaseIterable {
    /// A job's last task commit is journaled and its output is not yet committed.
    case beforeJobCommit = "before-job-commit"
    /// A phase after the first has started with its predecessor's broadcast, journaled.
    case afterPhaseStart = "after-phase-start"
}
