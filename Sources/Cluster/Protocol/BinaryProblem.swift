import Wire

/// Why a tracker cannot run a job's binary, found before any of the job's code ran.
public struct BinaryProblem: WireCodable, Equatable, Sendable, Error, CustomStringConvertible {
    /// One line naming the binary, the tracker and the cause.
    public var message: String
    /// Whether another tracker might run it (a missing shared library, another architecture):
    /// the tracker is excluded from the job rather than the job failed.
    public var dependsOnNode: Bool

    /// Creates the problem.
    public init(message: String, dependsOnNode: Bool) {
        self.message = message
        self.dependsOnNode = dependsOnNode
    }

    public var description: String { message }

    public func encode(to writer: inout WireWriter) {
        writer.writeString(message)
        writer.writeBool(dependsOnNode)
    }

    public init(from reader: inout WireReader) throws {
        message = try reader.readString()
        dependsOnNode = try reader.readBool()
    }
}
