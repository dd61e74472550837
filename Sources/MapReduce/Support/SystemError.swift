import Glibc

/// A failed system call on a file, said in one line: the path, what was attempted, and why.
public struct SystemError: Error, CustomStringConvertible, Equatable {
    /// The file concerned.
    public let path: String
    /// What was being done, e.g. "cannot open".
    public let action: String
    /// The `errno` value.
    public let code: Int32

    /// Captures the current `errno`.
    public init(path: String, action: String, code: Int32 = errno) {
        self.path = path
        self.action = action
        self.code = code
    }

    /// The path, the action and the system's reason: `out/part-r-00000: cannot create: permission denied`.
    public var description: String {
        "\(path): \(action): \(String(cString: strerror(code)).lowercased())"
    }
}
