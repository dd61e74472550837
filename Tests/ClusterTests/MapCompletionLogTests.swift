import MapReduce
import Testing

@testable import Cluster

/// The log of finished maps reads back in order across its chunks, and a run taken from it
/// keeps what it held while maps keep finishing.
struct MapCompletionLogTests {
    let job = JobID(cluster: "20260101000000", sequence: 4)

    func location(_ index: Int) -> EncodedMapOutputLocation {
        EncodedMapOutputLocation(
            MapOutputLocation(
                mapIndex: index,
                attempt: AttemptID(task: TaskID(job: job, phase: 0, kind: .map, index: index), number: 0),
                host: "127.0.0.2",
                port: 9420,
                segments: []
            )
        )
    }

    @Test func locationsReadBackInOrderAcrossChunks() {
        let length = MapCompletionLog.chunkLength
        var log = MapCompletionLog()
        for index in 0..<(2 * length + 5) { log.append(location(index)) }
        #expect(log.count == 2 * length + 5)
        #expect(log.map(\.location.mapIndex) == Array(0..<(2 * length + 5)))
        #expect(log[length - 3..<length + 3].map(\.location.mapIndex) == Array(length - 3..<length + 3))
        #expect(MapCompletionLog().isEmpty)
    }

    @Test func aRunKeepsWhatItHeldWhileTheLogGrows() {
        var log = MapCompletionLog((0..<10).map(location))
        let run = log[4...]
        for index in 10..<(MapCompletionLog.chunkLength + 10) { log.append(location(index)) }
        #expect(run.map(\.location.mapIndex) == Array(4..<10))
        #expect(log.count == MapCompletionLog.chunkLength + 10)
        #expect(log.last?.location.mapIndex == MapCompletionLog.chunkLength + 9)
    }
}
