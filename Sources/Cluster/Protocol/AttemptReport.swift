import MapReduce
import MapReduceEngine
import Wire

/// A tracker's news of one attempt in a heartbeat.
public struct AttemptReport: WireCodable, Equatable {
    /// The attempt.
    public var attempt: AttemptID
    /// Running, succeeded, failed, or killed (handed back by a tracker that is leaving).
    public var state: AttemptRunState
    /// Records processed so far.
    public var records: Int64
    /// The attempt's counters, when it ended.
    public var counters: Counters
    /// Why it failed, or empty.
    public var failure: String
    /// A finished map's partition index.
    public var segments: [MapOutputSegment]
    /// The last lines the attempt wrote on standard error, when it failed.
    public var logTail: [String]
    /// A finished map's output file on its tracker, which reduces on the same file system read in place.
    public var outputPath: String
    /// A finished setup task's plan of the job.
    public var plan: JobPlan?
    /// Why the tracker could not run the job's binary at all, when that is why the attempt failed.
    public var binaryProblem: BinaryProblem?
    /// A running attempt's latest status message (`reporter:status:` of a streaming command), or empty.
    public var status: String
    /// The epoch of the assignment: a report of another epoch is about an attempt an earlier
    /// JobTracker process started, and is not applied.
    public var epoch: UInt64

    /// Creates the value.
    public init(
        attempt: AttemptID,
        state: AttemptRunState,
        records: Int64,
        counters: Counters,
        failure: String,
        segments: [MapOutputSegment],
        logTail: [String] = [],
        outputPath: String = "",
        plan: JobPlan? = nil,
        binaryProblem: BinaryProblem? = nil,
        status: String = "",
        epoch: UInt64 = 0
    ) {
        self.attempt = attempt
        self.state = state
        self.records = records
        self.counters = counters
        self.failure = failure
        self.segments = segments
        self.logTail = logTail
        self.outputPath = outputPath
        self.plan = plan
        self.binaryProblem = binaryProblem
        self.status = status
        self.epoch = epoch
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(attempt)
        writer.write(state)
        writer.write(records)
        writer.write(counters)
        writer.write(failure)
        writer.write(segments)
        writer.write(logTail)
        writer.write(outputPath)
        writer.write(plan)
        writer.write(binaryProblem)
        writer.write(status)
        writer.write(epoch)
    }

    public init(from reader: inout WireReader) throws {
        attempt = try reader.read(AttemptID.self)
        state = try reader.read(AttemptRunState.self)
        records = try reader.read(Int64.self)
        counters = try reader.read(Counters.self)
        failure = try reader.read(String.self)
        segments = try reader.read([MapOutputSegment].self)
        logTail = try reader.read([String].self)
        outputPath = try reader.read(String.self)
        plan = try reader.read(JobPlan?.self)
        binaryProblem = try reader.read(BinaryProblem?.self)
        status = try reader.read(String.self)
        epoch = try reader.read(UInt64.self)
    }
}
