import Cluster
import Foundation
import MapReduce

/// A job author's whole program: the command line of its jobs, their planner, and the task
/// runner a TaskTracker starts for their attempts, in one executable.
///
/// A package that depends on swift-mapreduce writes its jobs against `MapReduce` and a `main`
/// of a few lines:
///
/// ```swift
/// import MapReduce
/// import MapReduceTool
///
/// @main struct Tool: JobTool {
///     static let jobs: [any Job.Type] = [InvertedIndexJob.self, GrepJob.self]
/// }
/// ```
///
/// `tool jobs` lists the jobs; `tool index docs/` runs one on an embedded cluster on 127.0.0.1;
/// `tool index docs/ --cluster HOST:PORT --secret-file S` ships the executable to a running
/// cluster (uploading it only if the cluster does not have it yet) and runs the job there.
/// Trackers start the same executable to plan the job when the client cannot, and to run its
/// tasks.
public protocol JobTool {
    /// The jobs the tool runs.
    static var jobs: [any Job.Type] { get }

    /// How a cluster gets the tool's code; by default the tool ships itself.
    static var shipping: JobToolShipping { get }
}

extension JobTool {
    /// The tool ships itself: ``JobToolShipping/shipsItself``.
    public static var shipping: JobToolShipping { .shipsItself }

    /// Runs the tool with the process's arguments and exits with its status.
    public static func main() {
        exit(JobToolMain.run(jobs: jobs, shipping: shipping, arguments: CommandLine.arguments))
    }
}
