import MapReduce
import MapReduceEngine
import Wire

/// Where a finished map's output can be fetched.
public struct MapOutputLocation: WireCodable, Equatable {
    /// The map task's index.
    public var mapIndex: Int
    /// The attempt that produced it.
    public var attempt: AttemptID
    /// The tracker's shuffle host.
    public var host: String
    /// Its shuffle port.
    public var port: Int
    /// Where each reduce's partition lies in the output file, by partition index.
    public var segments: MapOutputSegments
    /// The output file on the tracker, which a reduce that sees `probe` reads in place.
    public var path: String
    /// The probe of the tracker's file system.
    public var probe: FileSystemProbe?

    /// Creates the value.
    public init(
        mapIndex: Int,
        attempt: AttemptID,
        host: String,
        port: Int,
        segments: [MapOutputSegment],
        path: String = "",
        probe: FileSystemProbe? = nil
    ) {
        self.mapIndex = mapIndex
        self.attempt = attempt
        self.host = host
        self.port = port
        self.segments = MapOutputSegments(segments)
        self.path = path
        self.probe = probe
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(mapIndex)
        writer.write(attempt)
        writer.write(host)
        writer.write(port)
        writer.write(segments)
        writer.write(path)
        writer.write(probe)
    }

    /// Reads past one location as ``encode(to:)`` wrote it, without building it.
    public static func skip(in reader: inout WireReader) throws {
        _ = try reader.read(Int.self)  // map index
        _ = try reader.readBytes()  // attempt id
        _ = try reader.readBytes()  // host
        _ = try reader.read(Int.self)  // port
        for _ in 0..<(try reader.readCount()) { _ = try reader.read(MapOutputSegment.self) }
        _ = try reader.readBytes()  // path
        if try reader.readBool() {
            _ = try reader.readBytes()  // the probe's path
            _ = try reader.readBytes()  // and token
        }
    }

    public init(from reader: inout WireReader) throws {
        mapIndex = try reader.read(Int.self)
        attempt = try reader.read(AttemptID.self)
        host = try reader.read(String.self)
        port = try reader.read(Int.self)
        segments = try reader.read(MapOutputSegments.self)
        path = try reader.read(String.self)
        probe = try reader.read(FileSystemProbe?.self)
    }
}
