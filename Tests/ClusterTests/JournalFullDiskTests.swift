import Foundation
import Logging
import MapReduce
import MapReduceEngine
import TestSupport
import Testing
import Wire

@testable import Cluster

/// A journal whose disk is full (its tail's descriptor pointed at `/dev/full`, which fails every
/// write with ENOSPC): the write fails with one line, nothing journaled before is lost, the
/// JobTracker refuses new jobs and says why, and both recover once a write succeeds again.
@Suite(.serialized)
struct JournalFullDiskTests {
    let journalTests = JournalTests()

    /// Points `descriptor` at `/dev/full`, as if its disk had filled up.
    func fillDisk(under descriptor: Int32) throws {
        let full = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(full >= 0, "/dev/full is missing")
        #expect(dup2(full, descriptor) == descriptor)
        close(full)
    }

    @Test func aFullDiskFailsTheWriteKeepsWhatWasJournaledAndRecoversByCompacting() throws {
        let directory = try journalTests.temporaryDirectory()
        let first = JobID(cluster: "20260101000000", sequence: 1)
        let second = JobID(cluster: "20260101000000", sequence: 2)
        let journal = try Journal(directory: directory)
        journal.append(journalTests.submission(of: first))
        try journal.flush()

        try fillDisk(under: journal.descriptor)
        journal.append(journalTests.submission(of: second))
        do {
            try journal.flush()
            Issue.record("a write to a full disk succeeded")
        } catch let error as JournalWriteError {
            #expect("\(error)" == "journal: cannot write \(directory)/journal.log: No space left on device")
        }
        let meanwhile = try Journal(directory: try copy(directory))
        #expect(meanwhile.state.jobs[first] != nil, "what was journaled before the disk filled is kept")
        #expect(meanwhile.state.jobs[second] == nil)

        #expect(throws: JournalWriteError.self, "a retry within the interval fails at once") { try journal.flush() }
        Thread.sleep(forTimeInterval: Journal.retryInterval.seconds + 0.1)
        #expect(journal.hasPending)
        try journal.flush()
        let reopened = try Journal(directory: directory)
        #expect(reopened.state.jobs[first] != nil && reopened.state.jobs[second] != nil, "nothing was lost")
    }

    @Test func aJobTrackerWhoseJournalDiskIsFullRefusesNewJobsAndSaysWhy() async throws {
        let directory = try TemporaryDirectory("journal-full")
        let tracker = try JobTracker(
            configuration: JobTrackerConfiguration(
                host: "127.0.0.1",
                dataDirectory: directory.file("jobtracker"),
                secret: ClusterSecret.random(),
                allowedPaths: [directory.path],
                recovers: true
            ),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let input = try directory.write("in/words.txt", Array("a b a\n".utf8))
        var request = SubmitJobRequest(
            job: "wordcount",
            parameters: JobParameters(),
            inputs: [input],
            outputPath: directory.file("out-1"),
            reducers: 1,
            splitSize: 1 << 20,
            mapBufferSize: 1 << 20,
            replacesOutput: false
        )
        let kept = try await tracker.submit(request)
        try fillDisk(under: try descriptor(of: directory.file("jobtracker/journal/journal.log")))

        request.outputPath = directory.file("out-2")
        await #expect(throws: JournalWriteError.self) { _ = try await tracker.submit(request) }
        request.outputPath = directory.file("out-3")
        do {
            _ = try await tracker.submit(request)
            Issue.record("a JobTracker whose journal cannot be written took a job")
        } catch let error as InputError {
            #expect(
                "\(error)".contains("the JobTracker takes no new jobs: journal: cannot write "),
                "\(error)"
            )
            #expect("\(error)".contains("No space left on device"), "\(error)")
        }
        #expect(await tracker.reports().map { $0.job } == [kept], "only the job journaled before is running")

        try await Task.sleep(for: Journal.retryInterval + .milliseconds(100))
        request.outputPath = directory.file("out-4")
        let later = try await tracker.submit(request)
        let reopened = try Journal(directory: try copy(directory.file("jobtracker/journal")))
        #expect(reopened.state.jobs[kept] != nil && reopened.state.jobs[later] != nil, "nothing journaled was lost")
    }

    /// This process's descriptor open on `path`, found in `/proc/self/fd`.
    func descriptor(of path: String) throws -> Int32 {
        let entries = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
        let found = entries.first { entry in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + entry)) == path
        }
        return try #require(found.flatMap { Int32($0) }, "no descriptor is open on \(path)")
    }

    /// A copy of a journal directory, opened without disturbing the journal in use.
    func copy(_ directory: String) throws -> String {
        let copy = directory + "-copy-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: directory, toPath: copy)
        return copy
    }
}
