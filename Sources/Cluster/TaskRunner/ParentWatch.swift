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

    /// Checks twice a second, on a thread of its own, that the process that started this one is
    /// still its parent, and exits with ``orphanExitStatus`` when it is not.
    static func start() {
        let parent = getppid()
        guard parent > 1 else { return }
        let thread = Thread {
            while getppid() == parent {
                Thread.sleep(forTimeInterval: 0.5)
            }
            FileHandle.standardError.write(Data((orphanMessage + "\n").utf8))
            exit(orphanExitStatus)
        }
        thread.start()
    }
}
