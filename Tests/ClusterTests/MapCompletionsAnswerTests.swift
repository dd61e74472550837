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
}
