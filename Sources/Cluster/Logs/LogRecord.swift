import Foundation
import Wire

/// One log line of a daemon or a task, as the console's Logs page lists it.
///
/// Trackers forward theirs to the JobTracker in heartbeats; the JobTracker keeps the newest in
/// a ``LogRing``.
public struct LogRecord: WireCodable, Equatable, Codable {
    /// When it was logged, seconds since 1970.
    public var time: Double
    /// The level's name: `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`.
    public var level: String
    /// Who logged it: `jobtracker`, a tracker's id, or an attempt id for a task's standard error.
    public var source: String
    /// The job it concerns, or empty.
    public var job: String
    /// The message with its metadata as `key=value` pairs.
    public var message: String

    /// Creates the value.
    public init(time: Double, level: String, source: String, job: String, message: String) {
        self.time = time
        self.level = level
        self.source = source
        self.job = job
        self.message = message
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(time)
        writer.write(level)
        writer.write(source)
        writer.write(job)
        writer.write(message)
    }

    public init(from reader: inout WireReader) throws {
        time = try reader.read(Double.self)
        level = try reader.read(String.self)
        source = try reader.read(String.self)
        job = try reader.read(String.self)
        message = try reader.read(String.self)
    }
}
