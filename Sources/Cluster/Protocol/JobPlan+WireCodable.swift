import MapReduce
import MapReduceEngine
import Wire

extension JobPlan: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.write(phases)
    }

    public init(from reader: inout WireReader) throws {
        self.init(phases: try reader.read([PhasePlan].self))
    }
}

extension PhasePlan: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeString(name)
        writer.write(mapTasks)
        writer.write(reduceCount)
        writer.writeBool(writesBroadcast)
    }

    public init(from reader: inout WireReader) throws {
        self.init(
            name: try reader.readString(),
            mapTasks: try reader.read([[InputSplit]].self),
            reduceCount: try reader.read(Int.self),
            writesBroadcast: try reader.readBool()
        )
    }
}

extension InputFile: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeString(path)
        writer.writeSignedVarint(size)
        writer.write(localPath)
    }

    public init(from reader: inout WireReader) throws {
        self.init(
            path: try reader.readString(),
            size: try reader.readSignedVarint(),
            localPath: try reader.read(String?.self)
        )
    }
}
