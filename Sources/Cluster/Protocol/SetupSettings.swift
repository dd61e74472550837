import Wire

/// What a setup task needs besides the job's inputs to plan the job as the client would have.
public struct SetupSettings: WireCodable, Equatable, Sendable {
    /// The largest split, in bytes.
    public var splitSize: Int64
    /// Reduce tasks of configurable phases, as the submission asked (0: map-only; nil: the
    /// cluster's default).
    public var reducers: Int?
    /// The cluster's slots when the job was submitted, which small inputs are spread over.
    public var slots: Int

    /// Creates the settings.
    public init(splitSize: Int64, reducers: Int?, slots: Int) {
        self.splitSize = splitSize
        self.reducers = reducers
        self.slots = slots
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(splitSize)
        writer.write(reducers)
        writer.write(slots)
    }

    /// Writes the settings as task-runner protocol version 1 did, the default reducers as 0.
    func encodeVersionOne(to writer: inout WireWriter) {
        writer.write(splitSize)
        writer.write(reducers ?? 0)
        writer.write(slots)
    }

    public init(from reader: inout WireReader) throws {
        splitSize = try reader.read(Int64.self)
        reducers = try reader.read(Int?.self)
        slots = try reader.read(Int.self)
    }
}
