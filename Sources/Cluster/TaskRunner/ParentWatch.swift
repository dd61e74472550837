import Foundation

/// Ends a task-runner process whose tracker is gone, as Hadoop's task JVMs end when their link to
/// the TaskTracker breaks.
///
/// A tracker killed outright (SIGKILL, the OOM killer) cannot stop its children, and the
/// JobTracker runs their attempts again elsewhere anyway; an orphan would only go on using a core
/// and writing into a dead tracker's directories until its attempt ended, however long that is.
enum ParentWatch {
    /// The exit status of a task runner that stopped because its tracker is gone.
    static let orphanExitStatus: Int32 = 75

    /// The line an orphaned task runner writes on standard error, its attempt log, before it exits.
    static let orphanMessage = "mrtask: the tracker that started this attempt is gone; stopping"

    /// The environment variable in which a tracker gives its task runners its process id.
    static let trackerVariable = "MR_TRACKER_PID"

    /// Checks twice a second, on a thread of its own, that the tracker that started this process
    /// is still alive, and exits with ``orphanExitStatus`` when it is not.
    ///
    /// The tracker is the process named in ``trackerVariable``, so that a runner started through a
    /// wrapper (`MR_TASK_RUNNER`) watches the tracker, not the wrapper, and a tracker killed while
    /// the runner was still starting is noticed too. Without it, the watch is on the parent.
    static func start() {
        let tracker = ProcessInfo.processInfo.environment[trackerVariable].flatMap { Int32($0) } ?? 0
        let parent = getppid()
        let alive: @Sendable () -> Bool
        if tracker > 1 {
            alive = { kill(tracker, 0) == 0 || errno == EPERM }
        } else if parent > 1 {
            alive = { getppid() == parent }
        } else {
            return
        }
        let thread = Thread {
            while alive() {
                Thread.sleep(forTimeInterval: 0.5)
            }
            FileHandle.standardError.write(Data((orphanMessage + "\n").utf8))
            exit(orphanExitStatus)
        }
        thread.start()
    }
}
