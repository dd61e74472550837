import Foundation
import MapReduce
import Testing
import Wire

@testable import Cluster

/// A journal records the protocol version of the JobTracker that wrote it: another version's
/// journal with jobs stops the JobTracker with one line, a drained one (no job) does not.
struct JournalVersionTests {
    let journalTests = JournalTests()

    /// Writes `version` into the headers of the journal's snapshot and tail, as another build would have.
    func stamp(_ directory: String, version: UInt16) throws {
        for name in ["snapshot", "journal.log"] {
            let url = URL(fileURLWithPath: directory + "/" + name)
            var bytes = [UInt8](try Data(contentsOf: url))
            bytes[6] = UInt8(version >> 8)
            bytes[7] = UInt8(version & 0xff)
            try Data(bytes).write(to: url)
        }
    }

    /// A journal directory holding one running job.
    func journalWithAJob() throws -> String {
        let directory = try journalTests.temporaryDirectory()
        let journal = try Journal(directory: directory)
        journal.append(journalTests.submission(of: journalTests.job))
        try journal.compact()
        return directory
    }

    @Test func anotherVersionsJournalWithJobsStopsTheJobTrackerWithOneLine() throws {
        let directory = try journalWithAJob()
        try stamp(directory, version: WireProtocol.version + 1)
        #expect(
            throws: JournalVersionMismatch(
                path: directory + "/snapshot",
                written: WireProtocol.version + 1,
                current: WireProtocol.version
            )
        ) { try Journal(directory: directory) }
    }

    @Test func anotherVersionsDrainedJournalIsTakenAndItsEpochGoesOn() throws {
        let directory = try journalTests.temporaryDirectory()
        _ = try Journal(directory: directory)
        _ = try Journal(directory: directory)
        try stamp(directory, version: WireProtocol.version + 1)
        let reopened = try Journal(directory: directory)
        #expect(reopened.epoch == 3)
        #expect(reopened.state.jobs.isEmpty)
    }

    @Test func filesFromBeforeTheVersionWasRecordedAreVersionSix() throws {
        let directory = try journalWithAJob()
        try stamp(directory, version: JournalFile.unversioned)
        if WireProtocol.version == JournalFile.unversionedProtocol {
            #expect(try Journal(directory: directory).state.jobs[journalTests.job] != nil)
        } else {
            #expect(throws: JournalVersionMismatch.self) { try Journal(directory: directory) }
        }
    }
}
