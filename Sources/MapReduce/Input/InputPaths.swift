import Glibc

/// Expands a job's input paths into the list of files to read.
///
/// A path may be a file or a directory; a directory contributes its files recursively, in byte
/// order of their paths, skipping names that start with `.` or `_` as Hadoop does (`_SUCCESS`,
/// `.crc` files, editor droppings).
public enum InputPaths {
    /// The files under `paths`, each checked to be readable, leaving out whatever lies in the
    /// `excluding` paths (a job's own output inside one of its input directories).
    ///
    /// - Throws: ``InputError`` naming the first path that is missing, unreadable, a directory with
    ///   no files, or not a regular file; or naming the inputs when all of them are empty.
    public static func expand(_ paths: [String], excluding: [String] = []) throws(InputError) -> [InputFile] {
        guard !paths.isEmpty else { throw InputError(path: "(none)", problem: "no input paths given") }
        let skipped = Set(excluding.compactMap(identity))
        var files: [InputFile] = []
        for path in paths {
            let found = try expand(path, skipping: skipped)
            guard !found.isEmpty else { throw InputError(path: path, problem: "directory has no input files") }
            files.append(contentsOf: found)
        }
        guard files.contains(where: { $0.size > 0 }) else {
            let named = paths.count == 1 ? paths[0] : paths.joined(separator: ", ")
            throw InputError(path: named, problem: paths.count == 1 ? "input is empty" : "inputs are all empty")
        }
        return files
    }

    /// A file's device and inode, by which a directory is recognised however it is named.
    private struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private static func identity(_ path: String) -> Identity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    private static func expand(_ path: String, skipping skipped: Set<Identity>) throws(InputError) -> [InputFile] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw InputError(path: path, problem: reason(errno)) }
        guard !skipped.contains(Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))) else {
            return []
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            guard access(path, R_OK) == 0 else { throw InputError(path: path, problem: reason(errno)) }
            return [InputFile(path: path, size: Int64(status.st_size))]
        case S_IFDIR:
            return try listDirectory(path, skipping: skipped)
        default:
            throw InputError(path: path, problem: "not a regular file or directory")
        }
    }

    private static func listDirectory(_ path: String, skipping skipped: Set<Identity>) throws(InputError) -> [InputFile]
    {
        guard let directory = opendir(path) else { throw InputError(path: path, problem: reason(errno)) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || name.hasPrefix("_") { continue }
            names.append(name)
        }
        closedir(directory)
        var files: [InputFile] = []
        let prefix = path.hasSuffix("/") ? path : path + "/"
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            files.append(contentsOf: try expand(prefix + name, skipping: skipped))
        }
        return files
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or directory"
        case EACCES: "permission denied"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
