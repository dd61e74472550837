import MapReduce
import Wire

extension JobDescriptor: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeString(name)
        writer.writeString(summary)
        writer.write(options)
        writer.writeBool(isHidden)
        writer.writeBool(writesFilePerInput)
    }

    public init(from reader: inout WireReader) throws {
        self.init(
            name: try reader.readString(),
            summary: try reader.readString(),
            options: try reader.read([JobOption].self),
            isHidden: try reader.readBool(),
            writesFilePerInput: try reader.readBool()
        )
    }
}

extension JobOption: WireCodable {
    public func encode(to writer: inout WireWriter) {
        writer.writeString(name)
        writer.writeString(parameter)
        writer.write(valueName)
        writer.writeString(help)
    }

    public init(from reader: inout WireReader) throws {
        self.init(
            name: try reader.readString(),
            parameter: try reader.readString(),
            valueName: try reader.read(String?.self),
            help: try reader.readString()
        )
    }
}
