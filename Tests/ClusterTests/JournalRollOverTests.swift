import Foundation
import MapReduce
import MapReduceEngine
import Testing

@testable import Cluster

/// A tail rolled over while its snapshot is written in the background: appends go on to
/// `journal.next`, and a crash at any step leaves files that replay to the same state.
struct JournalRollOverTests {
    let journalTests = JournalTests()
    var job: JobID { journalTests.job }

    func generation(of path: String) throws -> UInt64 {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    func writeTail(_ path: String, generation: UInt64, _ records: [JournalRecord]) throws {
        try JournalFile.writeAtomically(
            path,
            magic: JournalFile.journalMagic,
            generation: generation,
            records: JournalFile.frame(records)
        )
    }

    @Test func aLargeTailRollsOverAndAppendsGoOnWhileItsSnapshotIsWritten() throws {
        let directory = try journalTests.temporaryDirectory()
        let journal = try Journal(directory: directory, compactionThreshold: 1)
        journal.append(journalTests.submission(of: job))
        let (rollOver, covers) = try #require(try journal.takeBatch())
        guard case .rollOver(_, _, let next) = rollOver else {
            Issue.record("a tail past the threshold was not rolled over: \(rollOver)")
            return
        }
        #expect(try journal.writer.writeNow(rollOver) > 0)
        journal.finished(rollOver, covers: covers, with: .success(0))
        journal.append(journalTests.mapCommit(0, of: job))
        let (append, _) = try #require(try journal.takeBatch())
        guard case .append = append else {
            Issue.record("a second roll-over started while the first one's snapshot was written: \(append)")
            return
        }
        _ = try journal.writer.writeNow(append)
        journal.writer.waitForSnapshot()
        #expect(try generation(of: journal.snapshotPath) == next)
        #expect(try generation(of: journal.tailPath) == next)
        #expect(!FileManager.default.fileExists(atPath: journal.writer.nextTailPath))
        journal.append(journalTests.mapCommit(1, of: job))
        try journal.flush()
        let reopened = try Journal(directory: directory)
        #expect(reopened.state.jobs[job]?.commits.map(\.attempt.task.index) == [0, 1])
    }

    @Test func aCrashBeforeTheSnapshotWasInPlaceReplaysBothTails() throws {
        let directory = try journalTests.temporaryDirectory()
        let journal = try Journal(directory: directory)
        journal.append(journalTests.submission(of: job))
        try journal.flush()
        let current = try generation(of: journal.snapshotPath)
        try writeTail(journal.writer.nextTailPath, generation: current + 1, [journalTests.mapCommit(0, of: job)])
        let reopened = try Journal(directory: directory)
        #expect(reopened.state.jobs[job]?.commits.map(\.attempt.task.index) == [0])
        #expect(!FileManager.default.fileExists(atPath: reopened.writer.nextTailPath), "opening compacts")
        #expect(try Journal(directory: directory).state.jobs[job]?.commits.count == 1)
    }

    @Test func aCrashBeforeTheNewTailsRenameReplaysItAfterTheSnapshotOnly() throws {
        let directory = try journalTests.temporaryDirectory()
        let journal = try Journal(directory: directory)
        journal.append(journalTests.submission(of: job))
        journal.append(journalTests.mapCommit(0, of: job))
        try journal.flush()
        let oldTail = try Data(contentsOf: URL(fileURLWithPath: journal.tailPath))
        try journal.compact()
        let current = try generation(of: journal.snapshotPath)
        try oldTail.write(to: URL(fileURLWithPath: journal.tailPath))
        try writeTail(journal.writer.nextTailPath, generation: current, [journalTests.mapCommit(1, of: job)])
        let reopened = try Journal(directory: directory)
        #expect(reopened.state.jobs[job]?.commits.map(\.attempt.task.index) == [0, 1])
    }

    @Test func aNewTailTwoGenerationsAheadIsCorruption() throws {
        let directory = try journalTests.temporaryDirectory()
        let journal = try Journal(directory: directory)
        let current = try generation(of: journal.snapshotPath)
        try writeTail(journal.writer.nextTailPath, generation: current + 2, [])
        let error = #expect(throws: JournalCorruption.self) { try Journal(directory: directory) }
        #expect(error?.path == journal.writer.nextTailPath)
    }

    @Test func aTornTailFollowedByANewTailIsCorruption() throws {
        let directory = try journalTests.temporaryDirectory()
        let journal = try Journal(directory: directory)
        journal.append(journalTests.submission(of: job))
        try journal.flush()
        try journalTests.appendBytes([0, 0, 0, 9, 1], to: journal.tailPath)
        let current = try generation(of: journal.snapshotPath)
        try writeTail(journal.writer.nextTailPath, generation: current + 1, [journalTests.mapCommit(0, of: job)])
        let error = #expect(throws: JournalCorruption.self) { try Journal(directory: directory) }
        #expect(error?.path == journal.tailPath)
    }

    @Test func aFailedBackgroundSnapshotKeepsEveryRecordAndTheNextBatchCompacts() throws {
        let directory = try journalTests.temporaryDirectory()
        let journal = try Journal(directory: directory, compactionThreshold: 1)
        let obstacle = journal.snapshotPath + ".tmp"
        try FileManager.default.createDirectory(atPath: obstacle, withIntermediateDirectories: false)
        journal.append(journalTests.submission(of: job))
        try journal.flush()
        journal.writer.waitForSnapshot()
        journal.append(journalTests.mapCommit(0, of: job))
        #expect(throws: JournalWriteError.self, "the snapshot's failure fails the next batch") { try journal.flush() }
        try FileManager.default.removeItem(atPath: obstacle)
        Thread.sleep(forTimeInterval: Journal.retryInterval.seconds)
        try journal.flush()
        #expect(journal.durable == journal.appended)
        #expect(!FileManager.default.fileExists(atPath: journal.writer.nextTailPath))
        let reopened = try Journal(directory: directory)
        #expect(reopened.state.jobs[job]?.commits.map(\.attempt.task.index) == [0])
    }
}

extension Duration {
    /// The duration in seconds.
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
