import MapReduce
import MapReduceEngine
import Wire

extension InputSplit: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeString(path)
        writer.writeSignedVarint(start)
        writer.writeSignedVarint(length)
    }

    public init(from reader: inout WireReader) throws {
        self.init(path: try reader.readString(), start: try reader.readSignedVarint(), length: try reader.readSignedVarint())
    }
}

extension Counters: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeCount(values.count)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            writer.writeString(name)
            writer.writeSignedVarint(value)
        }
    }

    public init(from reader: inout WireReader) throws {
        var values: [String: Int64] = [:]
        for _ in 0..<(try reader.readCount()) { values[try reader.readString()] = try reader.readSignedVarint() }
        self.init(values)
    }
}

extension JobParameters: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeCount(values.count)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            writer.writeString(name)
            writer.writeString(value)
        }
    }

    public init(from reader: inout WireReader) throws {
        var values: [String: String] = [:]
        for _ in 0..<(try reader.readCount()) { values[try reader.readString()] = try reader.readString() }
        self.init(values)
    }
}

extension MapOutputSegment: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeVarint(UInt64(offset))
        writer.writeVarint(UInt64(length))
        writer.writeVarint(UInt64(records))
    }

    public init(from reader: inout WireReader) throws {
        self.init(
            offset: Int64(try reader.readVarint()), length: Int64(try reader.readVarint()),
            records: Int64(try reader.readVarint()))
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
