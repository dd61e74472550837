import MapReduce
import Wire

/// A TaskTracker announcing itself and its capacity.
public struct RegisterTrackerRequest: WireMessage, Equatable {
    public static let messageType = ClusterMessages.registerTracker

    /// The tracker's node id.
    public var tracker: String
    /// The address other trackers reach its shuffle server at.
    public var host: String
    /// Its shuffle server's port.
    public var shufflePort: Int
    /// How many tasks it runs at once.
    public var slots: Int
    /// The probe in its work directory, by which a reduce on the same file system reads its map
    /// outputs in place.
    public var probe: FileSystemProbe
    /// The jobs of the tracker's installed job binary, which submissions of built-in jobs may name.
    public var installedJobs: [JobDescriptor]
    /// The jobs whose files (map outputs, fetched inputs) the tracker holds, so that the JobTracker
    /// can say which of them have ended.
    public var heldJobs: [JobID]
    /// The attempts the tracker is running, which a JobTracker that restarted (or that lost the
    /// tracker) kills: it runs their tasks again.
    public var runningAttempts: [AttemptID]
    /// The map attempts whose outputs the tracker holds and serves, which a restarted JobTracker
    /// adopts instead of running their maps again.
    public var heldOutputs: [AttemptID]

    /// Creates the message.
    public init(
        tracker: String,
        host: String,
        shufflePort: Int,
        slots: Int,
        probe: FileSystemProbe,
        installedJobs: [JobDescriptor] = [],
        heldJobs: [JobID] = [],
        runningAttempts: [AttemptID] = [],
        heldOutputs: [AttemptID] = []
    ) {
        self.tracker = tracker
        self.host = host
        self.shufflePort = shufflePort
        self.slots = slots
        self.probe = probe
        self.installedJobs = installedJobs
        self.heldJobs = heldJobs
        self.runningAttempts = runningAttempts
        self.heldOutputs = heldOutputs
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(tracker)
        writer.write(host)
        writer.write(shufflePort)
        writer.write(slots)
        writer.write(probe)
        writer.write(installedJobs)
        writer.write(heldJobs)
        writer.write(runningAttempts)
        writer.write(heldOutputs)
    }

    public init(from reader: inout WireReader) throws {
        tracker = try reader.read(String.self)
        host = try reader.read(String.self)
        shufflePort = try reader.read(Int.self)
        slots = try reader.read(Int.self)
        probe = try reader.read(FileSystemProbe.self)
        installedJobs = try reader.read([JobDescriptor].self)
        heldJobs = try reader.read([JobID].self)
        runningAttempts = try reader.read([AttemptID].self)
        heldOutputs = try reader.read([AttemptID].self)
    }
}
