import ArgumentParser
import Cluster

/// The options every job takes: `mrsubmit <job> <inputs…> [-o DIR] [--reducers N] [-D k=v]… [--force]`.
struct SubmitOptions: ParsableArguments {
    @Argument(help: "Input files or directories (directories are read recursively).")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "The output directory (default: ./<job>-out).")
    var output: String?

    @Option(
        help: "The number of reduce tasks, 0 for a map-only job (default: 2 or the slot count, whichever is larger)."
    )
    var reducers: Int?

    @Option(
        name: .customShort("D", allowingJoined: true),
        help: ArgumentHelp("Set a job parameter.", valueName: "name=value")
    )
    var parameters: [String] = []

    @Option(
        name: .customLong("file"),
        help: ArgumentHelp(
            "Ship a file or directory into each attempt's directory under its base name (repeatable).",
            valueName: "path"
        )
    )
    var files: [String] = []

    @Flag(help: "Replace the output directory if it exists.")
    var force = false

    @Option(help: ArgumentHelp("The target input split size (e.g. 32m, 512k).", valueName: "size"))
    var splitSize: String = "32m"

    @Option(help: ArgumentHelp("The map output buffer size before a spill (e.g. 64m).", valueName: "size"))
    var mapBuffer: String = "64m"

    @Option(help: "How many tasks run at once (default: the number of cores).")
    var slots: Int?

    @Option(help: ArgumentHelp("Where tasks keep intermediate files (default: $TMPDIR or /tmp).", valueName: "dir"))
    var workDir: String?

    @Flag(help: "Print only the summary, no progress.")
    var quiet = false

    @OptionGroup(title: "Cluster")
    var cluster: ClusterOptions

    @Option(help: "TaskTrackers of the embedded cluster (when no --cluster is named).")
    var trackers: Int = 2

    @Flag(help: "Submit to the named cluster and print the job id without waiting.")
    var detach = false

    @Option(
        help: ArgumentHelp(
            "With --cluster, how long to keep reconnecting to a lost JobTracker while following the job (0: give up at once).",
            valueName: "seconds"
        )
    )
    var reattachWindow: Int = 60

    @Flag(help: "With --cluster, kill the job when this command is interrupted (by default the job keeps running).")
    var killOnExit = false

    @Flag(
        help:
            "Inputs and -o are paths on the cluster (a shared volume; relative ones start here): nothing is uploaded or downloaded."
    )
    var remotePaths = false

    @Flag(help: "Serve the embedded cluster's web console and keep it up after the job, until Ctrl-C.")
    var console = false

    @Option(help: "The web console's port with --console (0 picks a free one).")
    var consolePort: Int = 9430

    mutating func validate() throws {
        if let reducers, reducers < 0 { throw ValidationError("--reducers must be 0 (map-only) or more") }
        if let slots, slots < 1 { throw ValidationError("--slots must be at least 1") }
        if !(0...3600).contains(reattachWindow) {
            throw ValidationError("--reattach-window \(reattachWindow): must be from 0 to 3600 seconds")
        }
        if trackers < 1 { throw ValidationError("--trackers must be at least 1") }
        if let slots, slots > 1024 {
            throw ValidationError("--slots \(slots): at most 1024 tasks run at once on the embedded cluster")
        }
        if trackers > 64 {
            throw ValidationError("--trackers \(trackers): the embedded cluster runs at most 64 trackers")
        }
        if console, cluster.named != nil {
            throw ValidationError(
                "--console serves the embedded cluster; a named cluster's JobTracker serves its own console"
            )
        }
        if detach, cluster.named == nil {
            throw ValidationError("--detach needs a running cluster: give --cluster HOST:PORT")
        }
        let split = try Self.byteCount(splitSize, option: "--split-size")
        guard SubmissionLimits.splitSizes.contains(split) else {
            throw ValidationError("--split-size \(splitSize): must be from 4k to 1t")
        }
        let buffer = try Self.byteCount(mapBuffer, option: "--map-buffer")
        guard SubmissionLimits.mapBufferSizes.contains(Int(buffer)) else {
            throw ValidationError("--map-buffer \(mapBuffer): must be from 1m to 16g")
        }
    }
    /// Parses sizes like `512`, `64k`, `32m`, `1g`, refusing what does not fit in 64 bits.
    static func byteCount(_ text: String, option: String) throws -> Int64 {
        guard let bytes = ByteCountText.parse(text) else {
            throw ValidationError("\(option) \(text): expected a positive size such as 64m")
        }
        return bytes
    }
}
