/// The output of a job's previous phase, shipped by the framework to every task of the next phase.
///
/// Like Hadoop's distributed cache or Spark's broadcast variables, it carries small results (a
/// lookup table, a model, a threshold) from one phase to the next. It holds the previous phase's
/// reduce output records, written by a ``BroadcastOutputFormat``; tasks read them with
/// ``records(keyType:valueType:)`` or ``value(forKey:as:)`` and never open files or sockets for it.
public struct Broadcast: Sendable, Equatable {
    /// The records as the previous phase encoded them: varint key length, key, varint value length, value.
    public let encoded: [UInt8]

    /// Wraps encoded records.
    public init(encoded: [UInt8] = []) {
        self.encoded = encoded
    }

    /// Whether the previous phase wrote nothing (or there was no previous phase).
    public var isEmpty: Bool { encoded.isEmpty }

    /// Every record, decoded.
    public func records<Key: SortableKey, Value: ShuffleValue>(
        keyType: Key.Type = Key.self,
        valueType: Value.Type = Value.self
    ) throws -> [(key: Key, value: Value)] {
        try encoded.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            var records: [(key: Key, value: Value)] = []
            while !reader.isAtEnd {
                let key = try Key(sortableBytes: reader.readLengthPrefixed())
                var valueReader = ByteReader(try reader.readLengthPrefixed())
                records.append((key, try Value(decoding: &valueReader)))
            }
            return records
        }
    }

    /// The value of the first record whose key equals `key`, or nil.
    public func value<Key: SortableKey & Equatable, Value: ShuffleValue>(
        forKey key: Key,
        as: Value.Type
    ) throws -> Value? {
        try records(keyType: Key.self, valueType: Value.self).first { $0.key == key }?.value
    }

    /// Appends one record in the broadcast encoding.
    static func append(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, to writer: inout ByteWriter) {
        writer.writeLengthPrefixed(key)
        writer.writeLengthPrefixed(value)
    }
}
