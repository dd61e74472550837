import MapReduce
import WordCount

/// Word count whose map tasks first fill `fault.memory-mb` MiB of fresh memory (default 1024), as
/// a job with a runaway buffer does: for the tracker's `--task-memory` limit.
public struct FaultMemoryJob: Job {
    public static let name = "fault-memory"
    public static let summary = "Word count whose maps first fill -D fault.memory-mb MiB of memory (fault injection)"
    public static let isHidden = true
    public static let resultSummary = ResultSummary.topValues(count: 10, label: "words", showsTotal: true)

    public init(parameters: JobParameters) throws {
        _ = try parameters.int("fault.memory-mb", default: 1024)
    }

    public var phases: [Phase] { FaultPhases.wordCount(mapper: MemoryMapper.self) }

    struct MemoryMapper: Mapper {
        var inner = WordCountMapper()
        var filled: [UInt8] = []

        init() {}

        mutating func setup(_ context: MapContext<ByteSlice, Int>) throws {
            let megabytes = try context.parameters.int("fault.memory-mb", default: 1024)
            filled = [UInt8](repeating: 1, count: megabytes << 20)
            try inner.setup(context)
        }

        mutating func map(_ line: TextLine, context: MapContext<ByteSlice, Int>) throws {
            try inner.map(line, context: context)
        }
    }
}
