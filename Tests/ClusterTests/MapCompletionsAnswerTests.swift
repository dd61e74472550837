import MapReduce
import MapReduceEngine
import Testing
import Wire

@testable import Cluster

/// The JobTracker's pre-encoded map completions write the bytes of the reply a reduce decodes.
struct MapCompletionsAnswerTests {
    let job = JobID(cluster: "20260101000000", sequence: 3)

    func location(_ index: Int, segments: Int) -> MapOutputLocation {
        MapOutputLocation(
            mapIndex: index,
            attempt: AttemptID(task: TaskID(job: job, phase: 1, kind: .map, index: index), number: 2),
            host: "127.0.0.3",
            port: 9000 + index,
            segments: (0..<segments).map { MapOutputSegment(offset: Int64($0 * 100), length: 100, records: 7) },
            path: index.isMultiple(of: 2) ? "/work/attempt_\(index).out" : "",
            probe: index.isMultiple(of: 2) ? FileSystemProbe(path: "/work/.probe", token: "t\(index)") : nil
        )
    }

    @Test(arguments: [0, 2, 4])
    func anAnswerEncodesAsTheReplyWithTheAskingReducesSegment(partition: Int) throws {
        let locations = [location(0, segments: 3), location(1, segments: 3), location(2, segments: 0)]
        let answer = MapCompletionsAnswer(
            locations: MapCompletionLog(locations.map(EncodedMapOutputLocation.init))[...],
            partition: partition,
            mapCount: 9,
            failure: ""
        )
        let trimmed = locations.map { location in
            var location = location
            location.segments = location.segments.indices.contains(partition) ? [location.segments[partition]] : []
            return location
        }
        let reply = MapCompletionsReply(locations: trimmed, mapCount: 9, failure: "")
        #expect(answer.encodedBuffer() == reply.encodedBuffer())
        var reader = WireReader(answer.encodedBuffer())
        let decoded = try MapCompletionsReply(from: &reader)
        #expect(decoded.locations == trimmed)
    }

    @Test func anAnswerReadBackEncodesTheSameBytes() throws {
        let reply = MapCompletionsReply(locations: [location(4, segments: 1)], mapCount: 5, failure: "job killed")
        var reader = WireReader(reply.encodedBuffer())
        let answer = try MapCompletionsAnswer(from: &reader)
        #expect(answer.encodedBuffer() == reply.encodedBuffer())
        #expect(answer.failure == "job killed" && answer.mapCount == 5)
    }

    /// A tally reads past every location, with or without segments, path and probe, to the
    /// figures after them; an error frame's error is thrown.
    @Test func aTallyCountsTheLocationsOfAReplyWithoutBuildingThem() throws {
        let locations = (0..<5).map { location($0, segments: $0 % 3) }
        let reply = MapCompletionsReply(locations: locations, mapCount: 40, failure: "job failed")
        let frame = Frame(type: MapCompletionsReply.messageType, requestID: 1, payload: reply.encodedBuffer())
        let tally = try MapCompletionsTally(frame)
        #expect(tally.locations == 5 && tally.mapCount == 40 && tally.failure == "job failed")

        var reader = WireReader(reply.encodedBuffer())
        _ = try reader.readCount()
        for location in locations {
            var one = WireReader(location.encodedBuffer())
            try MapOutputLocation.skip(in: &one)
            #expect(one.remaining == 0, "skipping \(location.attempt) reads exactly its bytes")
            try MapOutputLocation.skip(in: &reader)
        }
        #expect(try reader.read(Int.self) == 40)

        let error = Frame(type: .error, requestID: 1, payload: ErrorMessage(message: "no").encodedBuffer())
        #expect(throws: WireError.self) { try MapCompletionsTally(error) }
    }
}
