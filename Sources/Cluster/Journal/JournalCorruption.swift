/// A journal or snapshot file the JobTracker cannot trust: it stops rather than guess.
struct JournalCorruption: Error, CustomStringConvertible, Equatable {
    /// The damaged file.
    let path: String
    /// The byte offset of the record (or header) that is damaged.
    let offset: Int
    /// What is wrong there.
    let problem: String

    var description: String {
        "journal corrupt: \(path) at offset \(offset): \(problem); move the file aside to start without it (its running jobs are then lost)"
    }
}
