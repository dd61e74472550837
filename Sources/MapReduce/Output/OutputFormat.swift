/// How a phase's reduce tasks, or the map tasks of a map-only job, write their records.
///
/// Each reduce attempt (or map attempt of a map-only job) writes into a directory of its own; the framework commits the files of the
/// one successful attempt per task into the job's output, so a format only creates files there.
public protocol OutputFormat<Key, Value>: Sendable {
    /// The key type the reducer writes.
    associatedtype Key
    /// The value type the reducer writes.
    associatedtype Value

    /// Opens a writer for the reduce task `task` (or map task of a map-only job), creating its
    /// files in `directory`.
    func makeWriter(for task: TaskID, in directory: String) throws -> any RecordWriter<Key, Value>
}

/// A reduce task's open output.
public protocol RecordWriter<Key, Value>: AnyObject {
    /// The key type written.
    associatedtype Key
    /// The value type written.
    associatedtype Value

    /// Writes one record.
    func write(_ key: Key, _ value: Value) throws

    /// Finishes the output; the framework calls it once, after the reducer's cleanup.
    func close() throws
}
