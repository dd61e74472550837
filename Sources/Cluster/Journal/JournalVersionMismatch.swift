/// A journal or snapshot written by a JobTracker of another protocol version: its records are in
/// that version's encoding, so this JobTracker stops rather than misread them.
struct JournalVersionMismatch: Error, CustomStringConvertible, Equatable {
    /// The file.
    let path: String
    /// The protocol version of the JobTracker that wrote it.
    let written: UInt16
    /// This JobTracker's protocol version.
    let current: UInt16

    var description: String {
        "journal \(path) was written by a JobTracker of protocol version \(written), and this one speaks version "
            + "\(current): start the old version to finish or drain its jobs first (docs/operations.md, Upgrades), "
            + "or move the journal directory aside to start without them"
    }
}
