import IndexerJobs
import MapReduce
import MapReduceTool

/// The package's whole program: `indexer jobs`, `indexer index docs/`, `indexer grep docs/
/// --pattern fox`, with `--cluster HOST:PORT --secret-file S` to run on a running cluster.
@main
struct Tool: JobTool {
    static let jobs: [any Job.Type] = [InvertedIndexJob.self, GrepJob.self]
}
