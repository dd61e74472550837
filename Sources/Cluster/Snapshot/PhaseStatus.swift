/// One phase of a job: its map and reduce counts by state, and its tasks.
public struct PhaseStatus: Sendable, Codable, Equatable {
    /// The phase's position, from 0.
    public var index: Int
    /// The phase's name.
    public var name: String
    /// Its map tasks by state.
    public var maps: TaskCounts
    /// Its reduce tasks by state.
    public var reduces: TaskCounts
    /// Its tasks, maps first.
    public var tasks: [TaskStatus]

    /// Creates the value, counting `tasks` by kind and state.
    public init(index: Int, name: String, tasks: [TaskStatus]) {
        self.index = index
        self.name = name
        self.tasks = tasks
        maps = TaskCounts(tasks.filter { $0.kind == "map" })
        reduces = TaskCounts(tasks.filter { $0.kind == "reduce" })
    }
}
