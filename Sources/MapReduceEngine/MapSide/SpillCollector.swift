import MapReduce

/// The map output sink of a running map task: each sorted run becomes a spill file.
final class SpillCollector: MapOutputSink {
    /// A finished spill file and its index.
    struct Spill {
        let path: String
        let segments: [MapOutputSegment]
    }

    private let attempt: AttemptID
    private let directory: String
    private let partitionCount: Int
    private var writer: MapOutputFileWriter?
    /// ``writer`` unretained, which keeps it alive: ``append(partition:key:value:tail:)`` borrows
    /// it without a retain and a release per record.
    private var unretainedWriter: Unmanaged<MapOutputFileWriter>?

    /// The spills written so far, in order.
    private(set) var spills: [Spill] = []

    init(attempt: AttemptID, directory: String, partitionCount: Int) {
        self.attempt = attempt
        self.directory = directory
        self.partitionCount = partitionCount
    }

    func beginRun() throws {
        let path = directory + "/" + attempt.spillFileName(spills.count)
        let writer = try MapOutputFileWriter(path: path, partitionCount: partitionCount)
        self.writer = writer
        unretainedWriter = Unmanaged.passUnretained(writer)
    }

    func append(
        partition: Int,
        key: UnsafeRawBufferPointer,
        value: UnsafeRawBufferPointer,
        tail: UnsafeRawBufferPointer
    ) throws {
        try unretainedWriter!._withUnsafeGuaranteedRef {
            try $0.append(partition: partition, key: key, value: value, tail: tail)
        }
    }

    func endRun() throws {
        guard let writer else { return }
        spills.append(Spill(path: writer.path, segments: try writer.finish()))
        unretainedWriter = nil
        self.writer = nil
    }
}
