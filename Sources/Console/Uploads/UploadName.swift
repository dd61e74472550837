import MapReduce

/// The checks a user's file name passes before it becomes part of a path: a plain name of at most
/// 200 bytes, without a directory part, `..`, control characters, or a leading dot.
enum UploadName {
    /// Returns `name` if it is acceptable; throws a one-line reason otherwise.
    static func check(_ name: String) throws -> String {
        guard !name.isEmpty, name.utf8.count <= 200 else {
            throw InputError(path: name, problem: "a file name must have 1 to 200 bytes")
        }
        guard !name.contains("/"), !name.contains("\\"), !name.contains(".."), !name.hasPrefix(".") else {
            throw InputError(path: name, problem: "not a plain file name")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw InputError(path: name, problem: "control characters are not allowed in a file name")
        }
        return name
    }
}
