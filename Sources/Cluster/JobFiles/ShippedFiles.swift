import Foundation
import MapReduce

/// Files a job ships to its attempts (`mrsubmit --file PATH`): stored in the JobTracker's
/// job-file store by hash, named in the job's parameters, and linked by each tracker into every
/// map and reduce attempt's directory under their names, as Hadoop's distributed cache does.
///
/// The parameter holds one file a line, `SHA256 SIZE x|- NAME`, where `x` marks an executable and
/// the name is a relative path: a file's base name, or `DIR/…` for the files of a shipped
/// directory.
public enum ShippedFiles {
    /// The job parameter that lists the shipped files.
    public static let parameter = "mapreduce.job.files"

    /// The files behind `paths` with their references: a file under its base name, a directory's
    /// regular files under the directory's base name and their relative paths.
    ///
    /// - Throws: ``InputError`` naming a path that does not exist or cannot be read.
    public static func collect(_ paths: [String]) throws -> [(file: JobFileReference, path: String)] {
        var collected: [(file: JobFileReference, path: String)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, problem: "no such file or directory to ship (--file)")
            }
            let base = (path as NSString).lastPathComponent
            guard isDirectory.boolValue else {
                collected.append((try reference(of: path, name: base), path))
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else {
                throw InputError(path: path, problem: "cannot list the directory to ship (--file)")
            }
            for case let relative as String in walker {
                let full = path + "/" + relative
                var innerDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &innerDirectory),
                    !innerDirectory.boolValue
                else { continue }
                collected.append((try reference(of: full, name: base + "/" + relative), full))
            }
        }
        var names = Set<String>()
        for (file, path) in collected where !names.insert(file.name).inserted {
            throw InputError(path: path, problem: "two shipped files are both named \(file.name) (--file)")
        }
        return collected
    }

    /// Names `files` in `parameters`, which then ship them; no files leave them as they are.
    public static func record(_ files: [JobFileReference], in parameters: inout JobParameters) {
        guard !files.isEmpty else { return }
        parameters[parameter] = files.map { "\($0.sha256) \($0.size) \($0.isExecutable ? "x" : "-") \($0.name)" }
            .joined(separator: "\n")
    }

    /// The files `parameters` ship, none when they ship none.
    ///
    /// - Throws: ``InputError`` for a malformed line or a name that is not a plain relative path.
    public static func decode(_ parameters: JobParameters) throws -> [JobFileReference] {
        guard let text = parameters[parameter], !text.isEmpty else { return [] }
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, JobFileReference.isValidHash(String(fields[0])), let size = Int64(fields[1]),
                fields[2] == "x" || fields[2] == "-", isPlainRelativePath(fields[3])
            else {
                throw InputError(path: parameter, problem: "malformed shipped file line: \(line.prefix(200))")
            }
            return JobFileReference(
                sha256: String(fields[0]),
                name: String(fields[3]),
                size: size,
                isExecutable: fields[2] == "x"
            )
        }
    }

    /// Links each file, found at its local path, into `directory` under its name.
    static func link(_ files: [(file: JobFileReference, path: String)], into directory: String) throws {
        for (file, path) in files {
            let target = directory + "/" + file.name
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true
            )
            guard symlink(path, target) == 0 else {
                throw SystemError(path: target, action: "cannot link the shipped file")
            }
        }
    }

    private static func reference(of path: String, name: String) throws -> JobFileReference {
        guard !name.contains("\n") else {
            throw InputError(path: path, problem: "a shipped file's name cannot hold a newline")
        }
        let digest = try FileDigest.sha256(ofFileAt: path)
        return JobFileReference(
            sha256: digest.hash,
            name: name,
            size: digest.size,
            isExecutable: FileManager.default.isExecutableFile(atPath: path)
        )
    }

    private static func isPlainRelativePath(_ name: Substring) -> Bool {
        !name.isEmpty && !name.hasPrefix("/")
            && name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
                !$0.isEmpty && $0 != "." && $0 != ".."
            }
    }
}
