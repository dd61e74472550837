import MapReduce

/// The directories a JobTracker lets submissions name as inputs and outputs on its own host.
///
/// A client that names paths on the JobTracker's host (`--remote-paths`, `--detach`) could
/// otherwise have a job read any file the JobTracker can and replace any directory with its
/// output. Paths are resolved (`..`, symbolic links) before they are compared, so a link that
/// leads outside the roots is refused like the path it leads to.
public struct AllowedPaths: Sendable, Equatable {
    /// The resolved roots; a path is allowed when it is one of them or lies inside one.
    public let roots: [String]

    /// Allows the given directories (`jobtracker --allowed-path`), resolved now.
    public init(_ roots: [String]) {
        self.roots = roots.map(OutputPlacement.resolved)
    }

    /// The roots a JobTracker allows without `--allowed-path`: its own staging area for uploads,
    /// the console's uploads and input files, and the outputs it keeps, all in its data directory.
    public static func defaults(dataDirectory: String) -> AllowedPaths {
        AllowedPaths(["staging", "console", "inputs", "outputs"].map { dataDirectory + "/" + $0 })
    }

    /// Refuses `path` (an input or an output) unless it lies under a root.
    public func check(_ path: String, as role: String) throws(InputError) {
        let resolved = OutputPlacement.resolved(path)
        guard roots.contains(where: { $0 == "/" || resolved == $0 || resolved.hasPrefix($0 + "/") }) else {
            throw InputError(
                path: path,
                problem:
                    "\(role) outside the JobTracker's allowed paths (\(roots.joined(separator: ", "))); upload it instead, or start the JobTracker with --allowed-path"
            )
        }
    }
}
