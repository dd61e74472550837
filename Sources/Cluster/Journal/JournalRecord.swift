import Foundation
import MapReduce
import MapReduceEngine
import Wire

/// One event the JobTracker cannot recompute after a restart, as it is kept in its journal.
///
/// Each record's payload is a tag byte followed by the case's fields in the wire encoding
/// (``WireWriter``); ``JournalFile`` frames payloads with their length and checksum.
///
/// | tag | case | fields |
/// |---|---|---|
/// | 1 | `started` | epoch u64 |
/// | 2 | `submitted` | job, request (``SubmitJobRequest``), submitted-at f64, inputs [string], setup inputs [InputFile] |
/// | 3 | `planned` | job, plan (``JobPlan``), counters |
/// | 4 | `committed` | attempt, counters, map output location?, output bytes i64 |
/// | 5 | `phaseStarted` | job, phase index, broadcast bytes, counters of the phases before |
/// | 6 | `ended` | job, state (``JobRunState``), failure string |
/// | 7 | `resumed` | job, resumed-at f64 |
enum JournalRecord: WireCodable {
    /// A JobTracker process started, with its epoch.
    case started(epoch: UInt64)
    /// A job was accepted: its request (output path filled in), when, the input files trackers
    /// may fetch, and the files its setup task reads when it has no plan yet.
    case submitted(job: JobID, request: SubmitJobRequest, submittedAt: Date, inputs: [String], setupInputs: [InputFile])
    /// A job's setup task made its plan; its first phase starts.
    case planned(job: JobID, plan: JobPlan, counters: Counters)
    /// An attempt's output was committed: a map's output location, or a reduce's files moved
    /// into the job's staging directory.
    case committed(attempt: AttemptID, counters: Counters, location: MapOutputLocation?, outputBytes: Int64)
    /// A phase after the first started with the broadcast its predecessor left, and the job's
    /// counters of the phases before.
    case phaseStarted(job: JobID, phase: Int, broadcast: [UInt8], counters: Counters)
    /// A job ended (succeeded, failed or killed); it is history from now on.
    case ended(job: JobID, state: JobRunState, failure: String)
    /// A restarted JobTracker resumed a running job: the console marks it on the job's timeline.
    case resumed(job: JobID, at: Date)

    func encode(to writer: inout WireWriter) {
        switch self {
        case .started(let epoch):
            writer.write(UInt8(1))
            writer.write(epoch)
        case .submitted(let job, let request, let submittedAt, let inputs, let setupInputs):
            writer.write(UInt8(2))
            writer.write(job)
            writer.write(request)
            writer.write(submittedAt.timeIntervalSince1970)
            writer.write(inputs)
            writer.write(setupInputs)
        case .planned(let job, let plan, let counters):
            writer.write(UInt8(3))
            writer.write(job)
            writer.write(plan)
            writer.write(counters)
        case .committed(let attempt, let counters, let location, let outputBytes):
            writer.write(UInt8(4))
            writer.write(attempt)
            writer.write(counters)
            writer.write(location)
            writer.write(outputBytes)
        case .phaseStarted(let job, let phase, let broadcast, let counters):
            writer.write(UInt8(5))
            writer.write(job)
            writer.write(phase)
            writer.writeBytes(broadcast)
            writer.write(counters)
        case .ended(let job, let state, let failure):
            writer.write(UInt8(6))
            writer.write(job)
            writer.write(state)
            writer.write(failure)
        case .resumed(let job, let at):
            writer.write(UInt8(7))
            writer.write(job)
            writer.write(at.timeIntervalSince1970)
        }
    }

    init(from reader: inout WireReader) throws {
        let tag = try reader.read(UInt8.self)
        switch tag {
        case 1:
            self = .started(epoch: try reader.read(UInt64.self))
        case 2:
            self = .submitted(
                job: try reader.read(JobID.self),
                request: try reader.read(SubmitJobRequest.self),
                submittedAt: Date(timeIntervalSince1970: try reader.read(Double.self)),
                inputs: try reader.read([String].self),
                setupInputs: try reader.read([InputFile].self)
            )
        case 3:
            self = .planned(
                job: try reader.read(JobID.self),
                plan: try reader.read(JobPlan.self),
                counters: try reader.read(Counters.self)
            )
        case 4:
            self = .committed(
                attempt: try reader.read(AttemptID.self),
                counters: try reader.read(Counters.self),
                location: try reader.read(MapOutputLocation?.self),
                outputBytes: try reader.read(Int64.self)
            )
        case 5:
            self = .phaseStarted(
                job: try reader.read(JobID.self),
                phase: try reader.read(Int.self),
                broadcast: try reader.readByteArray(),
                counters: try reader.read(Counters.self)
            )
        case 6:
            self = .ended(
                job: try reader.read(JobID.self),
                state: try reader.read(JobRunState.self),
                failure: try reader.read(String.self)
            )
        case 7:
            self = .resumed(
                job: try reader.read(JobID.self),
                at: Date(timeIntervalSince1970: try reader.read(Double.self))
            )
        default:
            throw WireError.malformed("unknown journal record tag \(tag)")
        }
    }
}
