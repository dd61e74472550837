import MapReduce
import MapReduceEngine
import Testing
import Wire

@testable import Cluster

/// Every cluster message round-trips through its binary encoding, and truncations are refused.
struct MessageTests {
    func roundTrip<M: WireCodable & Equatable>(_ message: M) throws {
        let buffer = message.encodedBuffer()
        #expect(try M(decoding: buffer) == message)
        for cut in stride(from: 0, to: buffer.readableBytes, by: max(1, buffer.readableBytes / 17)) {
            #expect(throws: (any Error).self) { try M(decoding: buffer.getSlice(at: 0, length: cut)!) }
        }
    }

    let attempt = AttemptID(
        task: TaskID(job: JobID(cluster: "1", sequence: 2), phase: 1, kind: .map, index: 3),
        number: 1
    )

    @Test func reportsRoundTrip() throws {
        try roundTrip(
            JobReport(
                job: JobID(cluster: "20260101000000", sequence: 7),
                name: "wordcount",
                state: .failed,
                phase: 1,
                phaseCount: 2,
                phaseName: "apply",
                mapsDone: 3,
                mapsTotal: 4,
                reducesDone: 0,
                reducesTotal: 1,
                counters: Counters(["A": 1, "B": -2]),
                failure: "task x failed",
                outputPath: "/out",
                submittedAt: 1.5,
                elapsedSeconds: 2.25,
                failedAttempts: 4
            )
        )
        try roundTrip(
            AttemptReport(
                attempt: attempt,
                state: .succeeded,
                records: 99,
                counters: Counters(["X": 3]),
                failure: "",
                segments: [
                    MapOutputSegment(offset: 0, length: 10, records: 2),
                    MapOutputSegment(offset: 10, length: 0, records: 0),
                ],
                outputPath: "/w/job/map/m-0.out"
            )
        )
        try roundTrip(
            AttemptReport(
                attempt: attempt,
                state: .killed,
                records: 5,
                counters: Counters(),
                failure: "handed back",
                segments: []
            )
        )
        try roundTrip(
            TaskAssignment(
                attempt: attempt,
                jobName: "histeq",
                parameters: JobParameters(["k": "v"]),
                splits: [
                    InputSplit(path: "/a b", start: 5, length: 7),
                    InputSplit(path: "/c", start: 0, length: 1, localPath: "/w/9f"),
                ],
                reduceCount: 3,
                bufferLimit: 1 << 20,
                broadcast: [0, 1, 255],
                outputDirectory: "/out/.o.staging/_temporary/r-0",
                outputProbe: FileSystemProbe(path: "/out/.o.staging/_temporary/.filesystem-probe", token: "ab12")
            )
        )
        try roundTrip(MapOutputLocation(mapIndex: 3, attempt: attempt, host: "127.0.0.9", port: 9420, segments: []))
        try roundTrip(
            MapOutputLocation(
                mapIndex: 3,
                attempt: attempt,
                host: "127.0.0.9",
                port: 9420,
                segments: [MapOutputSegment(offset: 0, length: 4, records: 1)],
                path: "/w/m.out",
                probe: FileSystemProbe(path: "/w/.filesystem-probe", token: "cd34")
            )
        )
        try roundTrip(
            RegisterTrackerRequest(
                tracker: "t1",
                host: "127.0.0.2",
                shufflePort: 9420,
                slots: 2,
                probe: FileSystemProbe(path: "/w/p", token: "ef")
            )
        )
    }

    @Test func requestsCarryTheirTypes() throws {
        let heartbeat = HeartbeatRequest(tracker: "t1", freeSlots: 2, acceptsTasks: true, reports: [])
        let decoded = try HeartbeatRequest(decoding: heartbeat.encodedBuffer())
        #expect(decoded.tracker == "t1" && decoded.freeSlots == 2)
        #expect(HeartbeatRequest.messageType == HeartbeatReply.messageType)
        for needed in [false, true] {
            let reply = HeartbeatReply(
                assignments: [],
                killAttempts: [attempt],
                finishedJobs: [],
                reregister: false,
                mapOutputsNeeded: needed
            )
            let decodedReply = try HeartbeatReply(decoding: reply.encodedBuffer())
            #expect(decodedReply.mapOutputsNeeded == needed && decodedReply.killAttempts == [attempt])
        }
        #expect(ClusterMessages.jobTrackerCatalog.contains(ClusterMessages.submitJob))
        #expect(!ClusterMessages.jobTrackerCatalog.contains(ClusterMessages.fetchMapOutput))
        #expect(
            Set(ClusterMessages.shuffleCatalog.types) == [
                ClusterMessages.fetchMapOutput, ClusterMessages.fetchAttemptLog,
            ]
        )
    }

    @Test func addressesParse() throws {
        #expect(try ClusterAddress("127.0.0.1:9410") == ClusterAddress(host: "127.0.0.1", port: 9410))
        #expect(try ClusterAddress("[::1]:80").host == "::1")
        #expect(throws: InputError.self) { try ClusterAddress("nohost") }
        #expect(throws: InputError.self) { try ClusterAddress("h:99999") }
    }

    @Test func peerNamesCannotEscapeTheirDirectory() throws {
        #expect(throws: InputError.self) { try PathSafety.relativePath("../etc/passwd") }
        #expect(throws: InputError.self) { try PathSafety.relativePath("/etc/passwd") }
        #expect(throws: InputError.self) { try PathSafety.relativePath("a//b") }
        #expect(throws: InputError.self) { try PathSafety.fileName("a/b") }
        #expect(throws: InputError.self) { try PathSafety.fileName("..") }
        #expect(try PathSafety.relativePath("input-0/book.txt") == "input-0/book.txt")
    }

    /// Found by `fuzz-protocol`: a segment field above `Int64.max` trapped the decoding process.
    @Test func segmentFieldsAboveInt64MaxAreRefused() {
        var writer = WireWriter()
        writer.writeVarint(UInt64(Int64.max) + 1)
        writer.writeVarint(0)
        writer.writeVarint(0)
        #expect(throws: WireError.self) { try MapOutputSegment(decoding: writer.buffer) }
    }
}
