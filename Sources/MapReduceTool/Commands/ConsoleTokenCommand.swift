import ArgumentParser
import Console

/// `mrsubmit console-token`: the login token of a cluster's web console, derived from its secret.
struct ConsoleTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console-token",
        abstract: "Print the web console's login token, derived from the cluster secret.",
        discussion:
            "The token is HMAC-SHA256(secret, \"console-token\") in hexadecimal; the JobTracker prints the same at start."
    )

    @Option(
        help: ArgumentHelp(
            "A file holding the cluster secret [MR_SECRET_FILE, or the secret itself in MR_SECRET].",
            valueName: "file"
        )
    )
    var secretFile: String?

    func run() throws {
        let options = try ClusterOptions.parse(secretFile.map { ["--secret-file", $0] } ?? [])
        print(ConsoleConfiguration.token(for: try options.secret()))
    }
}
