import MapReduce
import Testing
import Wire

@testable import Cluster

/// The reducers of a submission and of a setup task's settings travel as an optional count, so
/// that "the cluster's default" (absent), "map-only" (0) and N reduce tasks stay apart.
struct ReducerCountEncodingTests {
    func submission(reducers: Int?) -> SubmitJobRequest {
        SubmitJobRequest(
            job: "streaming",
            parameters: JobParameters(["stream.mapper": "cat -n"]),
            inputs: ["/in/a.txt"],
            outputPath: "/out",
            reducers: reducers,
            splitSize: 1 << 20,
            mapBufferSize: 1 << 20,
            replacesOutput: false
        )
    }

    @Test(arguments: [nil, 0, 1, 4, 10_000] as [Int?])
    func aSubmissionsReducersRoundTrip(reducers: Int?) throws {
        let decoded = try SubmitJobRequest(decoding: submission(reducers: reducers).encodedBuffer())
        #expect(decoded.reducers == reducers)
        #expect(decoded.job == "streaming" && decoded.inputs == ["/in/a.txt"] && decoded.splitSize == 1 << 20)
        #expect(decoded.outputPath == "/out" && decoded.mapBufferSize == 1 << 20 && !decoded.replacesOutput)
    }

    @Test(arguments: [nil, 0, 1, 4] as [Int?])
    func setupSettingsReducersRoundTrip(reducers: Int?) throws {
        let settings = SetupSettings(splitSize: 32 << 20, reducers: reducers, slots: 4)
        let decoded = try SetupSettings(decoding: settings.encodedBuffer())
        #expect(decoded == settings)
        #expect(decoded.reducers == reducers)
    }

    @Test func absentZeroAndACountAreDifferentBytes() {
        let bytes = [nil, 0, 4].map { (reducers: Int?) in
            Array(SetupSettings(splitSize: 1, reducers: reducers, slots: 1).encodedBuffer().readableBytesView)
        }
        #expect(Set(bytes).count == 3)
        // The field after the 8-byte split size: a presence byte, then the count as a zig-zag varint.
        #expect(bytes.map { Array($0.dropFirst(8).dropLast()) } == [[0], [1, 0], [1, 8]])
    }

    @Test func theProtocolVersionIsSeven() {
        #expect(WireProtocol.version == 7)
    }
}
