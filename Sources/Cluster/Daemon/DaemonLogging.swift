import Foundation
import Logging

/// One-line log output for the daemons: time, level, label, message and metadata, on standard error.
public enum DaemonLogging {
    /// A logger that writes at `level` and above (an unknown level name means `info`).
    public static func logger(label: String, level: String) -> Logger {
        var logger = Logger(label: label) { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = Logger.Level(rawValue: level.lowercased()) ?? .info
        return logger
    }
}
