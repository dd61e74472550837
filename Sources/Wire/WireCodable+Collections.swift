// Collection conformances: a varint element count followed by the elements in order. An
// optional is one presence byte (0 absent, 1 present) followed by the value when present.

extension Array: WireCodable where Element: WireCodable {
    /// Writes a varint count followed by each element.
    public func encode(to writer: inout WireWriter) {
        writer.writeCount(count)
        for element in self {
            writer.write(element)
        }
    }

    /// Reads a varint count followed by that many elements.
    public init(from reader: inout WireReader) throws {
        let count = try reader.readCount()
        self = []
        reserveCapacity(count)
        for _ in 0..<count {
            append(try reader.read(Element.self))
        }
    }
}

extension Optional: WireCodable where Wrapped: WireCodable {
    /// Writes a presence byte followed by the wrapped value when present.
    public func encode(to writer: inout WireWriter) {
        switch self {
        case .none:
            writer.writeBool(false)
        case .some(let value):
            writer.writeBool(true)
            writer.write(value)
        }
    }

    /// Reads a presence byte followed by the wrapped value when present.
    public init(from reader: inout WireReader) throws {
        self = try reader.readBool() ? try reader.read(Wrapped.self) : nil
    }
}

extension Dictionary: WireCodable where Key: WireCodable, Value: WireCodable {
    /// Writes a varint count followed by each key and its value, in unspecified order.
    public func encode(to writer: inout WireWriter) {
        writer.writeCount(count)
        for (key, value) in self {
            writer.write(key)
            writer.write(value)
        }
    }

    /// Reads a varint count followed by that many key-value pairs, rejecting duplicate keys.
    public init(from reader: inout WireReader) throws {
        let count = try reader.readCount()
        self.init(minimumCapacity: count)
        for _ in 0..<count {
            let key = try reader.read(Key.self)
            guard updateValue(try reader.read(Value.self), forKey: key) == nil else {
                throw WireError.malformed("duplicate key in map")
            }
        }
    }
}
