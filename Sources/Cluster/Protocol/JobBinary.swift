import Wire

/// Which executable runs a job's tasks: the job binary installed on every tracker (the built-in
/// jobs), or one the client shipped into the JobTracker's job-file store.
public enum JobBinary: WireCodable, Hashable, Sendable, CustomStringConvertible {
    /// The tracker's own job binary (`mrtask`, or the embedded cluster's program), named by job.
    case installed
    /// A binary in the job-file store, by its hash.
    case stored(JobFileReference)

    /// `built-in`, or the stored binary's name and short hash.
    public var description: String {
        switch self {
        case .installed: "built-in"
        case .stored(let file): file.description
        }
    }

    public func encode(to writer: inout WireWriter) {
        switch self {
        case .installed:
            writer.writeInteger(UInt8(0))
        case .stored(let file):
            writer.writeInteger(UInt8(1))
            writer.write(file)
        }
    }

    public init(from reader: inout WireReader) throws {
        switch try reader.readInteger(as: UInt8.self) {
        case 0: self = .installed
        case 1: self = .stored(try reader.read(JobFileReference.self))
        case let tag: throw WireError.malformed("unknown job binary kind \(tag)")
        }
    }
}
