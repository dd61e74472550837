import Foundation
import MapReduce
import Wire

/// Proof that two nodes see the same file system: a file with a random token, which one node
/// writes and another reads back before it touches the first one's files in place.
///
/// The JobTracker names the output directory of a reduce attempt with a probe, so that a tracker
/// on the same file system (the embedded cluster, a shared volume) writes the output there
/// instead of uploading it. A tracker names its map outputs with its own probe, so that a reduce
/// on the same file system reads them instead of fetching them over the network. A path that
/// merely exists on the other node (another container's `/data`) fails the probe: its token
/// differs or it is missing, and the node falls back to the network.
public struct FileSystemProbe: WireCodable, Equatable, Sendable {
    /// The probe file's absolute path on the node that wrote it.
    public var path: String
    /// The token the file holds.
    public var token: String

    /// The name of the probe file in its directory.
    public static let fileName = ".filesystem-probe"

    /// Creates the value.
    public init(path: String, token: String) {
        self.path = path
        self.token = token
    }

    /// Writes a fresh probe file into `directory`, which must exist, and returns its probe.
    public static func write(in directory: String) throws -> FileSystemProbe {
        var generator = SystemRandomNumberGenerator()
        let token = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let probe = FileSystemProbe(path: directory + "/" + fileName, token: token)
        guard FileManager.default.createFile(atPath: probe.path, contents: Data(token.utf8)) else {
            throw SystemError(path: probe.path, action: "cannot create")
        }
        return probe
    }

    /// Whether this node sees the probe's file with its token: the file system is shared.
    public var isVisible: Bool {
        guard path.hasPrefix("/"), !token.isEmpty, let data = FileManager.default.contents(atPath: path) else {
            return false
        }
        return String(decoding: data, as: UTF8.self) == token
    }

    public func encode(to writer: inout WireWriter) {
        writer.write(path)
        writer.write(token)
    }

    public init(from reader: inout WireReader) throws {
        path = try reader.read(String.self)
        token = try reader.read(String.self)
    }
}
