import MapReduce
import Wire

/// What a JobTracker reports of a job: state, progress, counters and outcome.
public struct JobReport: WireCodable, Equatable, Codable {
    /// The job's id.
    public var job: JobID
    /// The job's name in its binary.
    public var name: String
    /// The binary running the job: `built-in`, or a shipped binary's name and short hash.
    public var binary: String
    /// Where the job is in its life.
    public var state: JobRunState
    /// The running phase, from 0.
    public var phase: Int
    /// The job's number of phases.
    public var phaseCount: Int
    /// The running phase's name.
    public var phaseName: String
    /// Finished map tasks of the phase.
    public var mapsDone: Int
    /// Map tasks of the phase.
    public var mapsTotal: Int
    /// Finished reduce tasks of the phase.
    public var reducesDone: Int
    /// Reduce tasks of the phase.
    public var reducesTotal: Int
    /// The sum of the finished tasks' counters.
    public var counters: Counters
    /// Why the job failed, or empty.
    public var failure: String
    /// The output directory on the JobTracker.
    public var outputPath: String
    /// Submission time, seconds since 1970.
    public var submittedAt: Double
    /// Seconds from submission to the end (or to now).
    public var elapsedSeconds: Double
    /// Attempts that failed.
    public var failedAttempts: Int
    /// Trackers that get no more of this job's tasks after failing it repeatedly.
    public var blacklistedTrackers: [String]
    /// The last standard error lines of the attempt whose failure failed the job.
    public var failureLog: [String]
    /// The latest status message of any of the job's attempts, after the task's id (as Hadoop
    /// shows a task's status), or empty.
    public var status: String
    /// Attempts of the job running now, backups included.
    public var runningAttempts: Int
    /// The job's fair share of the cluster's map and reduce slots while it runs (jobs share the
    /// slots evenly, a job needing fewer leaving the rest to the others); 0 once it has ended.
    public var fairShare: Double

    /// Creates the value.
    public init(
        job: JobID,
        name: String,
        binary: String = "built-in",
        state: JobRunState,
        phase: Int,
        phaseCount: Int,
        phaseName: String,
        mapsDone: Int,
        mapsTotal: Int,
        reducesDone: Int,
        reducesTotal: Int,
        counters: Counters,
        failure: String,
        outputPath: String,
        submittedAt: Double,
        elapsedSeconds: Double,
        failedAttempts: Int,
        blacklistedTrackers: [String] = [],
        failureLog: [String] = [],
        status: String = "",
        runningAttempts: Int = 0,
        fairShare: Double = 0
    ) {
        self.job = job
        self.name = name
        self.binary = binary
        self.state = state
        self.phase = phase
        self.phaseCount = phaseCount
        self.phaseName = phaseName
        self.mapsDone = mapsDone
        self.mapsTotal = mapsTotal
        self.reducesDone = reducesDone
        self.reducesTotal = reducesTotal
        self.counters = counters
        self.failure = failure
        self.outputPath = outputPath
        self.submittedAt = submittedAt
        self.elapsedSeconds = elapsedSeconds
        self.failedAttempts = failedAttempts
        self.blacklistedTrackers = blacklistedTrackers
        self.failureLog = failureLog
        self.status = status
        self.runningAttempts = runningAttempts
        self.fairShare = fairShare
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(job)
        writer.write(name)
        writer.write(binary)
        writer.write(state)
        writer.write(phase)
        writer.write(phaseCount)
        writer.write(phaseName)
        writer.write(mapsDone)
        writer.write(mapsTotal)
        writer.write(reducesDone)
        writer.write(reducesTotal)
        writer.write(counters)
        writer.write(failure)
        writer.write(outputPath)
        writer.write(submittedAt)
        writer.write(elapsedSeconds)
        writer.write(failedAttempts)
        writer.write(blacklistedTrackers)
        writer.write(failureLog)
        writer.write(status)
        writer.write(runningAttempts)
        writer.write(fairShare)
    }

    public init(from reader: inout WireReader) throws {
        job = try reader.read(JobID.self)
        name = try reader.read(String.self)
        binary = try reader.read(String.self)
        state = try reader.read(JobRunState.self)
        phase = try reader.read(Int.self)
        phaseCount = try reader.read(Int.self)
        phaseName = try reader.read(String.self)
        mapsDone = try reader.read(Int.self)
        mapsTotal = try reader.read(Int.self)
        reducesDone = try reader.read(Int.self)
        reducesTotal = try reader.read(Int.self)
        counters = try reader.read(Counters.self)
        failure = try reader.read(String.self)
        outputPath = try reader.read(String.self)
        submittedAt = try reader.read(Double.self)
        elapsedSeconds = try reader.read(Double.self)
        failedAttempts = try reader.read(Int.self)
        blacklistedTrackers = try reader.read([String].self)
        failureLog = try reader.read([String].self)
        status = try reader.read(String.self)
        runningAttempts = try reader.read(Int.self)
        fairShare = try reader.read(Double.self)
    }

    private enum CodingKeys: String, CodingKey {
        case job, name, binary, state, phase, phaseCount, phaseName, mapsDone, mapsTotal, reducesDone, reducesTotal
        case counters, failure, outputPath, submittedAt, elapsedSeconds, failedAttempts, blacklistedTrackers, failureLog
        case status, runningAttempts, fairShare
    }

    /// Decodes a report from the JobTracker's history, where reports of earlier versions have no
    /// `binary`, `status`, `runningAttempts` or `fairShare`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            job: try container.decode(JobID.self, forKey: .job),
            name: try container.decode(String.self, forKey: .name),
            binary: try container.decodeIfPresent(String.self, forKey: .binary) ?? "built-in",
            state: try container.decode(JobRunState.self, forKey: .state),
            phase: try container.decode(Int.self, forKey: .phase),
            phaseCount: try container.decode(Int.self, forKey: .phaseCount),
            phaseName: try container.decode(String.self, forKey: .phaseName),
            mapsDone: try container.decode(Int.self, forKey: .mapsDone),
            mapsTotal: try container.decode(Int.self, forKey: .mapsTotal),
            reducesDone: try container.decode(Int.self, forKey: .reducesDone),
            reducesTotal: try container.decode(Int.self, forKey: .reducesTotal),
            counters: try container.decode(Counters.self, forKey: .counters),
            failure: try container.decode(String.self, forKey: .failure),
            outputPath: try container.decode(String.self, forKey: .outputPath),
            submittedAt: try container.decode(Double.self, forKey: .submittedAt),
            elapsedSeconds: try container.decode(Double.self, forKey: .elapsedSeconds),
            failedAttempts: try container.decode(Int.self, forKey: .failedAttempts),
            blacklistedTrackers: try container.decode([String].self, forKey: .blacklistedTrackers),
            failureLog: try container.decode([String].self, forKey: .failureLog),
            status: try container.decodeIfPresent(String.self, forKey: .status) ?? "",
            runningAttempts: try container.decodeIfPresent(Int.self, forKey: .runningAttempts) ?? 0,
            fairShare: try container.decodeIfPresent(Double.self, forKey: .fairShare) ?? 0
        )
    }
}
