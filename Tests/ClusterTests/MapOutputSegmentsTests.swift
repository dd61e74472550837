import MapReduceEngine
import Testing
import Wire

@testable import Cluster

/// Packed segments hold the numbers they were given at the narrowest width that fits the
/// largest, and travel as an array of segments does.
struct MapOutputSegmentsTests {
    static let largest: [Int64] = [0, 0xFF, 0x100, 0xFFFF, 0x1_0000, 0xFFFF_FFFF, 0x1_0000_0000, .max]

    @Test(arguments: largest)
    func segmentsReadBackAsGiven(largest: Int64) throws {
        var segments: [MapOutputSegment] = []
        for index in 0..<7 {
            let small = Int64(index)
            segments.append(
                MapOutputSegment(
                    offset: index == 3 ? largest : small,
                    length: index == 5 ? largest : 1,
                    records: index == 6 ? largest : small % 2
                )
            )
        }
        let packed = MapOutputSegments(segments)
        #expect(Array(packed) == segments)
        #expect(packed.count == 7)
        #expect(packed[3].offset == largest)
        #expect(packed[6].records == largest)
        #expect(packed.encodedBuffer() == segments.encodedBuffer(), "the wire form of an array of segments")
        var reader = WireReader(packed.encodedBuffer())
        #expect(try reader.read(MapOutputSegments.self) == packed)
    }

    @Test func noSegments() throws {
        let packed: MapOutputSegments = []
        #expect(packed.isEmpty)
        #expect(packed.first == nil)
        #expect(packed.encodedBuffer() == [MapOutputSegment]().encodedBuffer())
    }

    @Test func equalSegmentsAreEqualHoweverMade() {
        let segment = MapOutputSegment(offset: 10, length: 300, records: 2)
        #expect(MapOutputSegments([segment, segment]) == [segment, segment])
        #expect(MapOutputSegments([segment]) != [segment, segment])
    }
}
