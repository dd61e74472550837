/// The environment an attempt's process starts with: never the tracker's own (which holds the
/// cluster secret in `MR_SECRET`, among others), only what a task needs, plus the variables its
/// job declares.
///
/// From the tracker's environment only ``passedThrough`` variables (and `LC_*`) reach a task.
/// Added are `SWIFT_BACKTRACE=enable=no` (a failed attempt reports its own error),
/// `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` unless the operator set `GLIBC_TUNABLES`, the tracker's
/// process id (``ParentWatch/trackerVariable``) and its memory limit (``TaskMemoryLimit``). A job
/// declares variables with `-D mapreduce.task.env=NAME=VALUE,NAME=VALUE` (Hadoop's
/// `mapred.child.env`): values are taken as they are and cannot contain commas; names starting
/// with `MR_` are the framework's and refused.
public struct TaskEnvironment: Sendable {
    /// The job parameter that declares variables.
    public static let parameter = "mapreduce.task.env"
    /// The tracker's variables a task inherits.
    public static let passedThrough: Set<String> = [
        "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "LD_LIBRARY_PATH", "GLIBC_TUNABLES",
    ]

    /// The declared variables, in the order given.
    public let declared: [(name: String, value: String)]

    /// Parses a `mapreduce.task.env` value; nil or empty declares nothing. Throws one line naming
    /// the parameter and the bad entry.
    public init(declaration: String?) throws {
        var declared: [(name: String, value: String)] = []
        for entry in (declaration ?? "").split(separator: ",", omittingEmptySubsequences: true).map(String.init) {
            guard let equals = entry.firstIndex(of: "=") else {
                throw ClusterError(message: "-D \(Self.parameter): \(entry): expected NAME=VALUE")
            }
            let name = String(entry[..<equals])
            guard Self.isValidName(name) else {
                throw ClusterError(
                    message: "-D \(Self.parameter): \(name): not a variable name (letters, digits and _)"
                )
            }
            guard !name.hasPrefix("MR_") else {
                throw ClusterError(
                    message: "-D \(Self.parameter): \(name): names starting with MR_ are the framework's"
                )
            }
            declared.append((name, String(entry[entry.index(after: equals)...])))
        }
        self.declared = declared
    }

    /// The environment of a task started by the tracker with process id `trackerPID` from its
    /// environment `inherited`, with a memory limit of `memoryLimit` bytes if given.
    public func variables(
        inheriting inherited: [String: String],
        trackerPID: Int32,
        memoryLimit: Int64?
    ) -> [String: String] {
        var environment = inherited.filter { Self.passedThrough.contains($0.key) || $0.key.hasPrefix("LC_") }
        environment["SWIFT_BACKTRACE"] = "enable=no"
        if environment["GLIBC_TUNABLES"] == nil { environment["GLIBC_TUNABLES"] = "glibc.malloc.hugetlb=1" }
        for (name, value) in declared { environment[name] = value }
        environment[ParentWatch.trackerVariable] = String(trackerPID)
        if let memoryLimit { environment[TaskMemoryLimit.variable] = String(memoryLimit) }
        return environment
    }

    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }
}
