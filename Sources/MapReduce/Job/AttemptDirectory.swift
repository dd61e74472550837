import Foundation

/// The directory in which an attempt runs the commands of its job: the one its tracker made for
/// it, holding the files the job shipped (`mrsubmit --file`), or else the current directory.
public enum AttemptDirectory {
    /// The environment variable in which a tracker names the directory to a task runner.
    public static let variable = "MR_ATTEMPT_DIRECTORY"

    /// The attempt's directory.
    public static var current: String {
        ProcessInfo.processInfo.environment[variable] ?? FileManager.default.currentDirectoryPath
    }
}
