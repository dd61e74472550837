import MapReduce
import MapReduceEngine
import Wire

extension InputSplit: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeString(path)
        writer.writeSignedVarint(start)
        writer.writeSignedVarint(length)
        writer.write(localPath)
    }

    public init(from reader: inout WireReader) throws {
        self.init(
            path: try reader.readString(),
            start: try reader.readSignedVarint(),
            length: try reader.readSignedVarint(),
            localPath: try reader.read(String?.self)
        )
    }
}

extension Counters: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.write(values)
    }

    public init(from reader: inout WireReader) throws {
        self.init(try reader.read([String: Int64].self))
    }
}

extension JobParameters: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.write(values)
    }

    public init(from reader: inout WireReader) throws {
        self.init(try reader.read([String: String].self))
    }
}

extension MapOutputSegment: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeVarint(UInt64(offset))
        writer.writeVarint(UInt64(length))
        writer.writeVarint(UInt64(records))
    }

    /// Reads the three varints, refusing any above `Int64.max`.
    public init(from reader: inout WireReader) throws {
        func nonNegative(_ name: String) throws -> Int64 {
            guard let value = Int64(exactly: try reader.readVarint()) else {
                throw WireError.malformed("map output segment \(name) does not fit in Int64")
            }
            return value
        }
        let offset = try nonNegative("offset")
        let length = try nonNegative("length")
        self.init(offset: offset, length: length, records: try nonNegative("records"))
    }
}

extension AttemptID: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeString(description)
    }

    public init(from reader: inout WireReader) throws {
        let text = try reader.readString()
        guard let id = AttemptID(text) else { throw WireError.malformed("not an attempt id: \(text)") }
        self = id
    }
}

extension JobID: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeString(description)
    }

    public init(from reader: inout WireReader) throws {
        let text = try reader.readString()
        guard let id = JobID(text) else { throw WireError.malformed("not a job id: \(text)") }
        self = id
    }
}
