import MapReduceEngine
import Wire

/// A finished map's segments, one per reduce, each field packed at the width its largest value
/// needs.
///
/// The JobTracker keeps every finished map's location until its job ends, and the journal keeps
/// it too: with 200 reduces, 100,000 maps held 20,000,000 segments of three 8-byte numbers. Here
/// the offsets take 1, 2, 4 or 8 bytes, little-endian, as the map's largest offset needs, and so
/// do the lengths and the record counts, each field at its own width (offsets grow with the
/// file; a partition's length and records stay small), in one buffer:
///
/// ```
/// +--------+--------+---------+--------+--------+---------+-----
/// | offset | length | records | offset | length | records | ...
/// +--------+--------+---------+--------+--------+---------+-----
///  <------ segment 0 -------->  <------ segment 1 -------->
///  offsetWidth, lengthWidth and recordsWidth bytes
/// ```
///
/// On the wire the segments are a count and three varints each, as an array of
/// ``MapOutputSegment`` is.
public struct MapOutputSegments: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private let bytes: [UInt8]
    private let offsetWidth: UInt8
    private let lengthWidth: UInt8
    private let recordsWidth: UInt8

    /// Packs `segments`.
    public init(_ segments: some Collection<MapOutputSegment>) {
        func width(_ field: (MapOutputSegment) -> Int64) -> Int {
            let largest = segments.reduce(UInt64(0)) { Swift.max($0, UInt64(bitPattern: field($1))) }
            return largest <= 0xFF ? 1 : largest <= 0xFFFF ? 2 : largest <= 0xFFFF_FFFF ? 4 : 8
        }
        let widths = (offset: width(\.offset), length: width(\.length), records: width(\.records))
        var bytes = [UInt8]()
        bytes.reserveCapacity(segments.count * (widths.offset + widths.length + widths.records))
        func append(_ field: Int64, width: Int) {
            withUnsafeBytes(of: UInt64(bitPattern: field).littleEndian) { bytes.append(contentsOf: $0.prefix(width)) }
        }
        for segment in segments {
            append(segment.offset, width: widths.offset)
            append(segment.length, width: widths.length)
            append(segment.records, width: widths.records)
        }
        self.bytes = bytes
        offsetWidth = UInt8(widths.offset)
        lengthWidth = UInt8(widths.length)
        recordsWidth = UInt8(widths.records)
    }

    /// Packs the segments listed.
    public init(arrayLiteral segments: MapOutputSegment...) {
        self.init(segments)
    }

    /// The bytes the packed numbers take.
    var packedBytes: Int { bytes.count }

    private var stride: Int { Int(offsetWidth) + Int(lengthWidth) + Int(recordsWidth) }

    public var startIndex: Int { 0 }

    public var endIndex: Int { bytes.count / stride }

    public subscript(position: Int) -> MapOutputSegment {
        precondition(indices.contains(position), "segment \(position) of \(count)")
        let start = position * stride
        let lengthStart = start + Int(offsetWidth)
        let recordsStart = lengthStart + Int(lengthWidth)
        return MapOutputSegment(
            offset: Int64(bitPattern: field(at: start, width: offsetWidth)),
            length: Int64(bitPattern: field(at: lengthStart, width: lengthWidth)),
            records: Int64(bitPattern: field(at: recordsStart, width: recordsWidth))
        )
    }

    /// The little-endian number of `width` bytes at `offset`.
    private func field(at offset: Int, width: UInt8) -> UInt64 {
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
    ///
    /// The varints are made in one pass over the packed bytes and written at once: a snapshot of
    /// a 100,000-map job writes 60,000,000 of them, and a write per byte took a few percent of
    /// the JobTracker's CPU.
    public func encode(to writer: inout WireWriter) {
        writer.writeCount(count)
        var varints = [UInt8]()
        varints.reserveCapacity(bytes.count * 2)
        let widths = [Int(offsetWidth), Int(lengthWidth), Int(recordsWidth)]
        bytes.withUnsafeBytes { raw in
            var position = 0
            while position < raw.count {
                for width in widths {
                    var value: UInt64 = 0
                    for byte in 0..<width { value |= UInt64(raw[position + byte]) << (8 * UInt64(byte)) }
                    position += width
                    while value >= 0x80 {
                        varints.append(UInt8(truncatingIfNeeded: value) | 0x80)
                        value >>= 7
                    }
                    varints.append(UInt8(value))
                }
            }
        }
        writer.writeRawBytes(varints)
    }

    /// Reads a varint count followed by that many segments.
    public init(from reader: inout WireReader) throws {
        self.init(try reader.read([MapOutputSegment].self))
    }
}
