import MapReduceEngine
import Testing
import Wire

@testable import Cluster

/// Packed segments hold the numbers they were given, each field at the narrowest width that fits
/// its largest value, and travel as an array of segments does.
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

    @Test func eachFieldTakesTheWidthItsOwnLargestNeeds() {
        let segments = (0..<200).map { MapOutputSegment(offset: Int64($0) * 1000, length: 1000, records: 10) }
        let packed = MapOutputSegments(segments)
        #expect(packed.packedBytes == 200 * (4 + 2 + 1), "offsets up to 199,000, lengths 1,000, records 10")
        #expect(Array(packed) == segments)
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
