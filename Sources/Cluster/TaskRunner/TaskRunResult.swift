import MapReduce
import MapReduceEngine
import Wire

/// What a task-runner child process reports back when its attempt succeeds.
public struct TaskRunResult: WireCodable, Equatable {
    /// The attempt's counters.
    public var counters: Counters
    /// A map's output file, or empty.
    public var outputPath: String
    /// A map's partition index.
    public var segments: [MapOutputSegment]
    /// A setup task's plan of the job.
    public var plan: JobPlan?

    /// Creates the value.
    public init(counters: Counters, outputPath: String, segments: [MapOutputSegment], plan: JobPlan? = nil) {
        self.counters = counters
        self.outputPath = outputPath
        self.segments = segments
        self.plan = plan
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(counters)
        writer.write(outputPath)
        writer.write(segments)
        writer.write(plan)
    }

    public init(from reader: inout WireReader) throws {
        counters = try reader.read(Counters.self)
        outputPath = try reader.read(String.self)
        segments = try reader.read([MapOutputSegment].self)
        plan = try reader.read(JobPlan?.self)
    }
}
