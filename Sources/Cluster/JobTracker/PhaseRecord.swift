import Foundation
import MapReduce
import Wire

/// The tasks of a job's running phase and the map outputs its reduces can fetch.
struct PhaseRecord: Sendable {
    let index: Int
    let name: String
    /// Its map tasks (or its setup task); changed only through ``subscript(task:)``.
    private(set) var maps: [TaskRecord]
    /// Its reduce tasks; changed only through ``subscript(task:)``.
    private(set) var reduces: [TaskRecord]
    /// Counts and indexes over the maps, kept up to date by ``subscript(task:)``.
    private(set) var mapIndex: TaskKindIndex
    /// Counts and indexes over the reduces, kept up to date by ``subscript(task:)``.
    private(set) var reduceIndex: TaskKindIndex
    /// Finished map outputs in completion order, each encoded once for the reduces that ask; a
    /// re-run map appears again with its new location.
    var completions = MapCompletionLog()
    /// The previous phase's broadcast, shipped with every task of this one.
    let broadcast: [UInt8]
    /// When the last map finished, which is when a reduce stops waiting and must progress.
    var mapsFinishedAt: Date?
    /// For each map attempt whose output a reduce could not fetch, the reduce tasks that said so.
    var fetchFailures: [AttemptID: Set<Int>] = [:]

    init(
        index: Int,
        name: String,
        job: JobID,
        splits: [[InputSplit]],
        reduceCount: Int,
        broadcast: [UInt8],
        mapKind: TaskID.Kind = .map
    ) {
        self.index = index
        self.name = name
        maps = splits.enumerated().map {
            TaskRecord(id: TaskID(job: job, phase: index, kind: mapKind, index: $0), splits: $1)
        }
        reduces = (0..<reduceCount).map { TaskRecord(id: TaskID(job: job, phase: index, kind: .reduce, index: $0)) }
        mapIndex = TaskKindIndex(maps)
        reduceIndex = TaskKindIndex(reduces)
        self.broadcast = broadcast
    }

    /// The phase of a job whose client could not plan it: one setup task over the whole input files.
    static func setup(of job: JobID, inputs: [InputFile]) -> PhaseRecord {
        PhaseRecord(
            index: 0,
            name: "setup",
            job: job,
            splits: [inputs.map { InputSplit(path: $0.path, start: 0, length: $0.size) }],
            reduceCount: 0,
            broadcast: [],
            mapKind: .setup
        )
    }

    var mapsDone: Int { mapIndex.succeeded }
    var reducesDone: Int { reduceIndex.succeeded }
    var isComplete: Bool { mapsDone == maps.count && reducesDone == reduces.count }

    /// Whether the phase's reduces may start: the `slowstart` fraction of its maps is done.
    func reducesMayStart(slowstart: Double) -> Bool {
        maps.isEmpty || Double(mapsDone) / Double(maps.count) >= slowstart
    }

    /// Running attempts of either kind.
    var runningAttempts: Int { mapIndex.runningAttempts + reduceIndex.runningAttempts }

    /// The ids of the running tasks, maps and then reduces, each kind in index order.
    var runningTaskIDs: [TaskID] {
        mapIndex.runningTasks.sorted().map { maps[$0].id } + reduceIndex.runningTasks.sorted().map { reduces[$0].id }
    }

    /// The running tasks with an attempt on `tracker`, maps and then reduces, each kind in index
    /// order: the running tasks of a kind are read only when the tracker runs one of that kind.
    func runningTaskIDs(on tracker: String) -> [TaskID] {
        func running(_ tasks: [TaskRecord], _ index: TaskKindIndex) -> [TaskID] {
            guard index.runningByTracker[tracker] != nil else { return [] }
            return index.runningTasks.filter { position in
                tasks[position].attempts.contains { $0.state == .running && $0.tracker == tracker }
            }.sorted().map { tasks[$0].id }
        }
        return running(maps, mapIndex) + running(reduces, reduceIndex)
    }

    /// Calls `body` with each running task, in no particular order, without copying the list of
    /// them.
    func forEachRunningTask(_ body: (TaskRecord) -> Void) {
        for position in mapIndex.runningTasks { body(maps[position]) }
        for position in reduceIndex.runningTasks { body(reduces[position]) }
    }

    /// Running attempts of either kind on `tracker`.
    func runningAttempts(on tracker: String) -> Int {
        mapIndex.runningByTracker[tracker, default: 0] + reduceIndex.runningByTracker[tracker, default: 0]
    }

    /// The task record of `task`, by kind and index; setting it updates the phase's indexes.
    subscript(task: TaskID) -> TaskRecord {
        get { task.kind == .reduce ? reduces[task.index] : maps[task.index] }
        set {
            if task.kind == .reduce {
                let old = reduces[task.index]
                reduces[task.index] = newValue
                reduceIndex.update(from: old, to: newValue, at: task.index, in: reduces)
            } else {
                let old = maps[task.index]
                maps[task.index] = newValue
                mapIndex.update(from: old, to: newValue, at: task.index, in: maps)
            }
        }
    }
}
