import MapReduceEngine
import Wire

/// A finished map's segments, one per reduce, packed at the width their largest number needs.
///
/// The JobTracker keeps every finished map's location until its job ends, and the journal keeps
/// it too: with 200 reduces, 100,000 maps held 20,000,000 segments of three 8-byte numbers. Here
/// each segment's offset, length and record count take 1, 2, 4 or 8 bytes, little-endian, as the
/// largest number of the map needs, in one buffer:
///
/// ```
/// +--------+--------+---------+--------+--------+---------+-----
/// | offset | length | records | offset | length | records | ...
/// +--------+--------+---------+--------+--------+---------+-----
///  <------ segment 0 -------->  <------ segment 1 -------->
///  each field `width` bytes
/// ```
///
/// On the wire the segments are a count and three varints each, as an array of
/// ``MapOutputSegment`` is.
public struct MapOutputSegments: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private let bytes: [UInt8]
    private let width: Int

    /// Packs `segments`.
    public init(_ segments: some Collection<MapOutputSegment>) {
        let largest = segments.reduce(UInt64(0)) { largest, segment in
            Swift.max(
                largest,
                UInt64(bitPattern: segment.offset),
                UInt64(bitPattern: segment.length),
                UInt64(bitPattern: segment.records)
            )
        }
        let width = largest <= 0xFF ? 1 : largest <= 0xFFFF ? 2 : largest <= 0xFFFF_FFFF ? 4 : 8
        var bytes = [UInt8]()
        bytes.reserveCapacity(segments.count * 3 * width)
        func append(_ field: Int64) {
            withUnsafeBytes(of: UInt64(bitPattern: field).littleEndian) { bytes.append(contentsOf: $0.prefix(width)) }
        }
        for segment in segments {
            append(segment.offset)
            append(segment.length)
            append(segment.records)
        }
        self.bytes = bytes
        self.width = width
    }

    /// Packs the segments listed.
    public init(arrayLiteral segments: MapOutputSegment...) {
        self.init(segments)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int { bytes.count / (3 * width) }

    public subscript(position: Int) -> MapOutputSegment {
        precondition(indices.contains(position), "segment \(position) of \(count)")
        let start = position * 3 * width
        return MapOutputSegment(
            offset: Int64(bitPattern: field(at: start)),
            length: Int64(bitPattern: field(at: start + width)),
            records: Int64(bitPattern: field(at: start + 2 * width))
        )
    }

    /// The little-endian number of `width` bytes at `offset`.
    private func field(at offset: Int) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            switch width {
            case 1: UInt64(raw[offset])
            case 2: UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
            case 4: UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            default: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
        }
    }
}

extension MapOutputSegments: WireCodable {
    /// Writes a varint count followed by each segment's three varints.
    public func encode(to writer: inout WireWriter) {
        writer.writeCount(count)
        for segment in self { writer.write(segment) }
    }

    /// Reads a varint count followed by that many segments.
    public init(from reader: inout WireReader) throws {
        self.init(try reader.read([MapOutputSegment].self))
    }
}
