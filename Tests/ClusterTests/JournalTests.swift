import Foundation
import MapReduce
import MapReduceEngine
import Testing

@testable import Cluster

/// The JobTracker's journal: framing, torn tails, corruption and compaction, on files only.
struct JournalTests {
    let job = JobID(cluster: "20260101000000", sequence: 7)

    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func submission(of job: JobID) -> JournalRecord {
        let splits = (0..<3).map { [InputSplit(path: "/in/\($0)", start: 0, length: 10)] }
        let plan = JobPlan(phases: [PhasePlan(name: "count", mapTasks: splits, reduceCount: 2, writesBroadcast: false)])
        let request = SubmitJobRequest(
            job: "wordcount",
            parameters: JobParameters(),
            inputs: ["/in"],
            outputPath: "/out/\(job)",
            reducers: 2,
            splitSize: 10,
            mapBufferSize: 1024,
            replacesOutput: false,
            plan: plan
        )
        return .submitted(
            job: job,
            request: request,
            submittedAt: Date(timeIntervalSince1970: 1_000_000),
            inputs: ["/in/0", "/in/1", "/in/2"],
            setupInputs: []
        )
    }

    func mapCommit(_ index: Int, of job: JobID) -> JournalRecord {
        let attempt = AttemptID(task: TaskID(job: job, phase: 0, kind: .map, index: index), number: 0)
        return .committed(
            attempt: attempt,
            counters: Counters(["map.input.records": Int64(index + 1)]),
            location: MapOutputLocation(mapIndex: index, attempt: attempt, host: "127.0.0.2", port: 9420, segments: []),
            outputBytes: 0
        )
    }

    @Test func aBatchWrittenInTheBackgroundIsDurableOnceItsWriteReturns() async throws {
        let directory = try temporaryDirectory()
        let journal = try Journal(directory: directory)
        journal.append(submission(of: job))
        journal.append(mapCommit(0, of: job))
        #expect(journal.durable < journal.appended)
        let (batch, covers) = try #require(try journal.takeBatch())
        #expect(try journal.takeBatch() == nil, "the records were taken")
        journal.append(mapCommit(1, of: job))
        let result = await journal.writer.write(batch)
        journal.finished(batch, covers: covers, with: result)
        #expect(journal.durable == covers && covers == journal.appended - 1)
        try journal.flush()
        #expect(journal.durable == journal.appended)
        let reopened = try Journal(directory: directory)
        #expect(reopened.state.jobs[job]?.commits.map(\.attempt.task.index) == [0, 1])
    }

    @Test func recordsSurviveAReopenAndEachOpenIsANewEpoch() throws {
        let directory = try temporaryDirectory()
        let first = try Journal(directory: directory)
        #expect(first.epoch == 1)
        first.append(submission(of: job))
        first.append(mapCommit(0, of: job))
        first.append(mapCommit(2, of: job))
        try first.flush()
        let second = try Journal(directory: directory)
        #expect(second.epoch == 2)
        #expect(second.droppedTornRecord == nil)
        let recovered = try #require(second.state.jobs[job])
        #expect(recovered.commits.map(\.attempt.task.index) == [0, 2])
        #expect(recovered.commits[1].location?.host == "127.0.0.2")
        #expect(recovered.request.outputPath == "/out/\(job)")
        #expect(recovered.plan?.phases.first?.mapTasks.count == 3)
    }

    @Test func aRecordLeftHalfWrittenIsDroppedAndTheRestKept() throws {
        let directory = try temporaryDirectory()
        let journal = try Journal(directory: directory)
        journal.append(submission(of: job))
        try journal.flush()
        let whole = try fileSize(journal.tailPath)
        let torn = JournalFile.frame([mapCommit(0, of: job)])
        try appendBytes(Array(torn.prefix(torn.count / 2)), to: journal.tailPath)
        let reopened = try Journal(directory: directory)
        #expect(reopened.droppedTornRecord?.offset == whole)
        #expect(reopened.state.jobs[job]?.commits.isEmpty == true)
    }

    @Test func aLastRecordWithABadChecksumIsTornToo() throws {
        let directory = try temporaryDirectory()
        let journal = try Journal(directory: directory)
        journal.append(submission(of: job))
        try journal.flush()
        let whole = try fileSize(journal.tailPath)
        var torn = JournalFile.frame([mapCommit(1, of: job)])
        torn[torn.count - 1] ^= 0xFF
        try appendBytes(torn, to: journal.tailPath)
        let reopened = try Journal(directory: directory)
        #expect(reopened.droppedTornRecord?.offset == whole)
        #expect(reopened.state.jobs[job] != nil)
    }

    @Test func aDamagedRecordBeforeTheLastStopsTheJobTrackerNamingFileAndOffset() throws {
        let directory = try temporaryDirectory()
        let journal = try Journal(directory: directory)
        let damagedAt = JournalFile.headerSize
        journal.append(submission(of: job))
        journal.append(mapCommit(0, of: job))
        try journal.flush()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: journal.tailPath)))
        bytes[damagedAt + 12] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: journal.tailPath))
        let error = #expect(throws: JournalCorruption.self) { try Journal(directory: directory) }
        #expect(error?.path == journal.tailPath)
        #expect(error?.offset == damagedAt)
        #expect(error?.description.contains("\(journal.tailPath) at offset \(damagedAt): checksum mismatch") == true)
    }

    @Test func aDamagedSnapshotIsCorruptionNotATornTail() throws {
        let directory = try temporaryDirectory()
        let journal = try Journal(directory: directory)
        journal.append(submission(of: job))
        try journal.flush()
        try journal.compact()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: journal.snapshotPath)))
        bytes[bytes.count - 1] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: journal.snapshotPath))
        #expect(throws: JournalCorruption.self) { try Journal(directory: directory) }
    }

    @Test func compactionKeepsRunningJobsDropsEndedOnesAndEmptiesTheTail() throws {
        let directory = try temporaryDirectory()
        let other = JobID(cluster: "20260101000000", sequence: 8)
        let journal = try Journal(directory: directory)
        journal.append(submission(of: job))
        journal.append(submission(of: other))
        journal.append(mapCommit(0, of: job))
        journal.append(mapCommit(0, of: job))
        journal.append(.ended(job: other, state: .succeeded, failure: ""))
        journal.append(.phaseStarted(job: job, phase: 1, broadcast: [1, 2, 3], counters: Counters(["a": 5])))
        journal.append(mapCommit(1, of: job).inPhase(1))
        try journal.flush()
        try journal.compact()
        #expect(try fileSize(journal.tailPath) == JournalFile.headerSize)
        let reopened = try Journal(directory: directory)
        #expect(reopened.state.order == [job])
        let recovered = try #require(reopened.state.jobs[job])
        #expect(recovered.phase == 1)
        #expect(recovered.broadcast == [1, 2, 3])
        #expect(recovered.counters == Counters(["a": 5]))
        #expect(recovered.commits.map(\.attempt.task) == [TaskID(job: job, phase: 1, kind: .map, index: 1)])
        #expect(reopened.epoch == 2)
    }

    @Test func aTailACrashLeftBehindACompactionIsNotReplayedTwice() throws {
        let directory = try temporaryDirectory()
        let journal = try Journal(directory: directory)
        journal.append(submission(of: job))
        journal.append(mapCommit(0, of: job))
        try journal.flush()
        let oldTail = try Data(contentsOf: URL(fileURLWithPath: journal.tailPath))
        try journal.compact()
        try oldTail.write(to: URL(fileURLWithPath: journal.tailPath))
        let reopened = try Journal(directory: directory)
        #expect(reopened.state.jobs[job]?.commits.count == 1)
    }

    func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
    }

    func appendBytes(_ bytes: [UInt8], to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }
}

extension JournalRecord {
    /// The same commit, of the attempt's task in `phase`.
    fileprivate func inPhase(_ phase: Int) -> JournalRecord {
        guard case .committed(let attempt, let counters, let location, let bytes) = self else { return self }
        let task = TaskID(job: attempt.task.job, phase: phase, kind: attempt.task.kind, index: attempt.task.index)
        var moved = location
        moved?.attempt = AttemptID(task: task, number: attempt.number)
        return .committed(
            attempt: AttemptID(task: task, number: attempt.number),
            counters: counters,
            location: moved,
            outputBytes: bytes
        )
    }
}
