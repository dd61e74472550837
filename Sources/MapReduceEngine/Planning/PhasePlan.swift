import MapReduce

/// One phase of a ``JobPlan``: its map tasks' splits and its number of reduce tasks.
public struct PhasePlan: Sendable, Equatable, Codable {
    /// The phase's name, for progress and logs.
    public var name: String
    /// The splits of each map task, in task order.
    public var mapTasks: [[InputSplit]]
    /// How many reduce tasks (partitions) the phase has.
    public var reduceCount: Int
    /// Whether the phase's output is a broadcast for the next phase.
    public var writesBroadcast: Bool

    /// Creates a phase plan.
    public init(name: String, mapTasks: [[InputSplit]], reduceCount: Int, writesBroadcast: Bool) {
        self.name = name
        self.mapTasks = mapTasks
        self.reduceCount = reduceCount
        self.writesBroadcast = writesBroadcast
    }
}
