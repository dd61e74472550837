import Synchronization

/// The newest log lines of a cluster in a bounded ring: appending past the capacity drops the
/// oldest, so memory stays fixed however chatty the daemons are.
public final class LogRing: Sendable {
    private struct Storage {
        var records: [LogRecord] = []
        var start = 0
    }

    /// How many lines the ring keeps.
    public let capacity: Int
    private let storage = Mutex(Storage())

    /// Creates an empty ring of `capacity` lines.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds lines, dropping the oldest beyond the capacity.
    public func append(contentsOf records: some Sequence<LogRecord>) {
        storage.withLock { storage in
            for record in records {
                if storage.records.count < capacity {
                    storage.records.append(record)
                } else {
                    storage.records[storage.start] = record
                    storage.start = (storage.start + 1) % capacity
                }
            }
        }
    }

    /// Adds one line.
    public func append(_ record: LogRecord) {
        append(contentsOf: CollectionOfOne(record))
    }

    /// The newest `limit` lines that pass `filter`, oldest first.
    public func recent(limit: Int, where filter: (LogRecord) -> Bool = { _ in true }) -> [LogRecord] {
        let ordered = storage.withLock { storage in
            Array(storage.records[storage.start...] + storage.records[..<storage.start])
        }
        return Array(ordered.filter(filter).suffix(max(0, limit)))
    }
}
