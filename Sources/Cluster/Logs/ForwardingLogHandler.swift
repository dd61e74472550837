import Foundation
import Logging
import MapReduce

/// A log handler that turns each log call into a ``LogRecord`` and hands it to a sink: the
/// JobTracker's ``LogRing``, or a tracker's ``LogOutbox`` for the next heartbeat.
///
/// It has its own level (default `info`), independent of the handler that writes to standard
/// error, so the console sees a cluster's lines even when its daemons print only errors.
public struct ForwardingLogHandler: LogHandler {
    private let source: String
    private let sink: @Sendable (LogRecord) -> Void
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    /// A handler whose records name `source` and go to `sink`.
    public init(source: String, level: Logger.Level = .info, sink: @escaping @Sendable (LogRecord) -> Void) {
        self.source = source
        logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: Logging.LogEvent) {
        let (level, message) = (event.level, event.message)
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        var job = all["job"].map { "\($0)" } ?? ""
        if job.isEmpty, let attempt = all["attempt"].flatMap({ AttemptID("\($0)") }) { job = "\(attempt.task.job)" }
        let fields = all.filter { $0.key != "tracker" || "\($0.value)" != source }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }
        let text = fields.isEmpty ? "\(message)" : "\(message) " + fields.joined(separator: " ")
        sink(
            LogRecord(
                time: Date().timeIntervalSince1970,
                level: level.rawValue,
                source: source,
                job: job,
                message: text
            )
        )
    }
}

extension Logger {
    /// This logger with a second handler that forwards its lines to `sink` at `level` and above,
    /// leaving the existing handler's level as it was.
    public func forwarding(
        source: String,
        level: Logger.Level = .info,
        to sink: @escaping @Sendable (LogRecord) -> Void
    ) -> Logger {
        var copy = self
        copy.handler = MultiplexLogHandler([handler, ForwardingLogHandler(source: source, level: level, sink: sink)])
        return copy
    }
}
