import Glibc

/// Where a job's output may lie relative to its inputs, checked before anything is deleted.
///
/// An output that is an input, or a directory that holds one, would be replaced with the input
/// in it (`--force`), so it is refused. An output inside an input directory is allowed when it
/// does not exist yet or is an earlier job's output (it holds `_SUCCESS`), because
/// ``InputPaths/expand(_:excluding:)`` leaves it out of the input: a second run does not read
/// the first run's output back. Paths are compared after resolving `.`, `..` and symbolic
/// links, so `books/../books` and a link to `books` are the same directory.
public enum OutputPlacement {
    /// Refuses an output that is one of `inputs`, contains one, or lies inside one where input
    /// files already are.
    ///
    /// - Throws: ``InputError`` naming the output and the input it would destroy.
    public static func check(output: String, inputs: [String]) throws(InputError) {
        let target = resolved(output)
        for input in inputs {
            let source = resolved(input)
            if target == source {
                throw InputError(
                    path: output,
                    problem: "the output is the input \(input); choose another output (nothing was deleted)"
                )
            }
            if source.hasPrefix(target == "/" ? "/" : target + "/") {
                throw InputError(
                    path: output,
                    problem: "the output contains the input \(input); choose another output (nothing was deleted)"
                )
            }
            if target.hasPrefix(source + "/"), access(target, F_OK) == 0, access(target + "/_SUCCESS", F_OK) != 0 {
                throw InputError(
                    path: output,
                    problem:
                        "the output lies inside the input \(input) and holds files that are no job's output (no _SUCCESS); choose another output (nothing was deleted)"
                )
            }
        }
    }

    /// `path` made absolute with its existing part resolved through `realpath(3)` and the rest,
    /// which does not exist yet, appended with `.` and `..` applied.
    public static func resolved(_ path: String) -> String {
        var existing = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        var missing: [Substring] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                var components = String(cString: real).split(separator: "/")
                for part in missing.reversed() {
                    if part == ".." {
                        if !components.isEmpty { components.removeLast() }
                    } else if part != "." {
                        components.append(part)
                    }
                }
                return "/" + components.joined(separator: "/")
            }
            guard let slash = existing.lastIndex(of: "/"), existing != "/" else { return existing }
            missing.append(existing[existing.index(after: slash)...])
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
    }

    private static func currentDirectory() -> String {
        guard let directory = getcwd(nil, 0) else { return "/" }
        defer { free(directory) }
        return String(cString: directory)
    }
}
