import Foundation
import MapReduce

/// An artifact read for display: a histogram's counts, a table's rows or a text, each read only
/// up to a limit so that no job's file can make the JobTracker spend much memory; images are
/// not read at all, the browser fetches them.
enum ArtifactContent {
    /// An image the page links to.
    case image
    /// A histogram's bin counts.
    case histogram([Int])
    /// A table's rows, the first one the header.
    case table([[String]])
    /// A text.
    case text(String)
    /// A file that is too large or does not hold what its kind says.
    case unreadable(String)

    /// The most bytes read of a histogram, table or text.
    static let byteLimit = 1 << 20
    /// The most table rows shown.
    static let rowLimit = 500

    /// Reads `artifact` from `directory`.
    init(_ artifact: ResultArtifact, in directory: String) {
        if artifact.kind == .image {
            self = .image
            return
        }
        let path = directory + "/" + artifact.fileName
        guard let handle = FileHandle(forReadingAtPath: path) else {
            self = .unreadable("cannot be read")
            return
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Self.byteLimit + 1), data.count <= Self.byteLimit else {
            self = .unreadable("larger than \(Self.byteLimit) bytes")
            return
        }
        switch artifact.kind {
        case .histogram:
            guard let counts = try? JSONDecoder().decode([Int].self, from: data), counts.count <= 65_536,
                counts.allSatisfy({ $0 >= 0 })
            else {
                self = .unreadable("not a JSON array of counts")
                return
            }
            self = .histogram(counts)
        case .table:
            guard let rows = try? JSONDecoder().decode([[JSONScalar]].self, from: data) else {
                self = .unreadable("not a JSON array of rows")
                return
            }
            self = .table(rows.prefix(Self.rowLimit).map { $0.map(\.text) })
        case .text, .image:
            self = .text(String(decoding: data, as: UTF8.self))
        }
    }
}
