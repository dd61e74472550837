import ArgumentParser
import Cluster
import Foundation
import Wire

/// Which cluster `mrsubmit` talks to: a named JobTracker, or an embedded one it starts itself.
struct ClusterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The JobTracker as HOST:PORT [MR_JOBTRACKER]; without it an embedded cluster runs the job.",
            valueName: "host:port"
        )
    )
    var cluster: String?

    @Option(
        help: ArgumentHelp(
            "A file holding the cluster secret [MR_SECRET_FILE, or the secret itself in MR_SECRET].",
            valueName: "file"
        )
    )
    var secretFile: String?

    /// The JobTracker named by the flag or the environment.
    var named: String? { cluster ?? ProcessInfo.processInfo.environment["MR_JOBTRACKER"] }

    /// The named JobTracker, or nil for an embedded cluster.
    func address() throws -> ClusterAddress? {
        try named.map { try ClusterAddress($0) }
    }

    /// A client of the named JobTracker; fails with a clear line when none is named.
    func client(for command: String) throws -> ClusterClient {
        guard let address = try address() else {
            throw ValidationError("\(command) needs a running cluster: give --cluster HOST:PORT or set MR_JOBTRACKER")
        }
        return ClusterClient(address: address, secret: try secret())
    }

    /// The cluster secret from the file or the environment.
    func secret() throws -> ClusterSecret {
        try ClusterSecret.resolve(
            flag: nil,
            file: secretFile ?? ProcessInfo.processInfo.environment["MR_SECRET_FILE"],
            environmentVariable: "MR_SECRET"
        )
    }
}
