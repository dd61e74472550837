import Foundation
import MapReduce
import Testing
import Wire

@testable import Cluster

/// A tracker takes no new tasks while its work directory is short of free space
/// (`--min-free-space`), says why, and the JobTracker gives it none.
struct MinimumFreeSpaceTests {
    let gib: Int64 = 1 << 30

    @Test func theDefaultAsksForOneGibibyteOrFivePercentOfASmallerDisk() {
        let rule = MinimumFreeSpace.default
        #expect(rule.description == "1g,5%")
        #expect(rule.threshold(totalBytes: 100 * gib) == gib)
        #expect(rule.threshold(totalBytes: 10 * gib) == gib / 2)
        #expect(rule.shortage(in: DiskSpace(availableBytes: 2 * gib, totalBytes: 100 * gib)) == nil)
        let full = rule.shortage(in: DiskSpace(availableBytes: gib / 4, totalBytes: 100 * gib))
        #expect(
            full
                == "low on disk space: the work directory has 256.0 MiB free, below the 1.0 GiB minimum (--min-free-space 1g,5%)"
        )
        #expect(
            rule.shortage(in: DiskSpace(availableBytes: gib / 4, totalBytes: 4 * gib)) == nil,
            "5% of 4 GiB is 205 MiB"
        )
    }

    @Test func sizesPercentagesAndZeroParseAndBadOnesAreRefusedInOneLine() throws {
        #expect(try MinimumFreeSpace(parsing: "2g") == MinimumFreeSpace(bytes: 2 * gib, percent: nil))
        #expect(try MinimumFreeSpace(parsing: "10%") == MinimumFreeSpace(bytes: nil, percent: 10))
        #expect(try MinimumFreeSpace(parsing: "10%,512m") == MinimumFreeSpace(bytes: 512 << 20, percent: 10))
        #expect(try MinimumFreeSpace(parsing: "2.5%").description == "2.5%")
        let none = try MinimumFreeSpace(parsing: "0")
        #expect(none.shortage(in: DiskSpace(availableBytes: 0, totalBytes: gib)) == nil)
        #expect(
            try MinimumFreeSpace(parsing: "100%").shortage(in: DiskSpace(availableBytes: gib - 1, totalBytes: gib))
                != nil
        )
        for bad in ["", "lots", "5%,6%", "1g,2g", "101%", "-1g", "1g,"] {
            let error = #expect(throws: ClusterError.self) { try MinimumFreeSpace(parsing: bad) }
            #expect(error?.message.hasPrefix("--min-free-space \(bad): expected") == true, "\(bad)")
        }
    }

    @Test func theWorkDirectorysFileSystemIsMeasured() throws {
        let space = try DiskSpace.of(FileManager.default.temporaryDirectory.path)
        #expect(space.totalBytes > 0 && space.availableBytes <= space.totalBytes)
        #expect(throws: SystemError.self) { try DiskSpace.of("/no/such/directory") }
    }

    @Test func heartbeatsCarryFreeSpaceAndWhyTheTrackerTakesNoTasks() throws {
        let heartbeat = HeartbeatRequest(
            tracker: "t1",
            freeSlots: 1,
            acceptsTasks: false,
            reports: [],
            freeBytes: 5 << 20,
            refusal: "low on disk space"
        )
        let decoded = try HeartbeatRequest(decoding: heartbeat.encodedBuffer())
        #expect(decoded.freeBytes == 5 << 20 && decoded.refusal == "low on disk space")
        let unknown = try HeartbeatRequest(
            decoding: HeartbeatRequest(tracker: "t1", freeSlots: 1, acceptsTasks: true, reports: []).encodedBuffer()
        )
        #expect(unknown.freeBytes == -1 && unknown.refusal.isEmpty)
    }

    @Test func aFullTrackerGetsNoTasksAndTheConsoleSaysWhy() {
        var state = JobTrackerState(settings: JobTrackerSettings())
        let now = Date(timeIntervalSince1970: 1_000_000)
        state.register(TrackerRecord(id: "a", host: "127.0.0.2", shufflePort: 9420, slots: 2, lastHeartbeat: now))
        let why =
            "low on disk space: the work directory has 10 MiB free, below the 1 GiB minimum (--min-free-space 1g,5%)"
        let heard = state.heard(from: "a", acceptsTasks: false, freeBytes: 10 << 20, refusal: why, at: now)
        #expect(heard)
        #expect(state.schedulableSlots == 0)
        #expect(state.assign(to: "a", at: now).isEmpty)
        let full = state.trackerStatuses()[0]
        #expect(full.state == .full && full.reason == why && full.freeBytes == 10 << 20)
        let heardAgain = state.heard(from: "a", acceptsTasks: true, freeBytes: 5 * gib, at: now)
        #expect(heardAgain)
        let back = state.trackerStatuses()[0]
        #expect(back.state == .live && back.reason.isEmpty && back.freeBytes == 5 * gib)
    }
}
