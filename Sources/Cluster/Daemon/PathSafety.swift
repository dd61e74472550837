import MapReduce

/// Checks on names that peers send, before they become parts of a path.
public enum PathSafety {
    /// A file name with no directory part.
    public static func fileName(_ name: String) throws -> String {
        guard !name.isEmpty, !name.contains("/"), name != ".", name != "..", !name.contains("\0") else {
            throw InputError(path: name, problem: "not a plain file name")
        }
        return name
    }

    /// A relative path that stays inside its directory.
    public static func relativePath(_ path: String) throws -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }),
            !path.contains("\0")
        else { throw InputError(path: path, problem: "not a safe relative path") }
        return path
    }
}
