import Foundation
import ImageCodecs
import LogBytes
import MapReduce

/// Feeds one fuzzer input to a parser of files a job reads, chosen by the input's first byte.
///
/// The parsers are the access-log line parser and the JPEG and TIFF readers (libjpeg-turbo and
/// libtiff behind our header, metadata and tag readers). Images are written to a file, since the
/// readers take paths, and read under a pixel limit small enough that a crafted header cannot ask
/// for much memory. Each parser must either parse or throw.
public enum FileFormatFuzzTarget {
    enum Parser: UInt8, CaseIterable {
        case accessLog = 0
        case jpeg = 1
        case tiff = 2
        case probe = 3
    }

    static let limit = PixelLimit(maxPixels: 1 << 20)

    /// Runs the parser `input[0]` selects on the rest of `input`.
    public static func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        let body = Array(input.dropFirst())
        switch Parser(rawValue: selector % UInt8(Parser.allCases.count)) {
        case .accessLog: accessLog(body)
        case .jpeg:
            withFile(body) { path in
                let file = try JPEGFile(path: path, limit: limit)
                _ = try JPEGDecoder().decode(file, channels: 3)
            }
        case .tiff: withFile(body) { path in _ = try TIFFReader(path: path, limit: limit).readImage() }
        case .probe: withFile(body) { path in _ = try ImageInfo.probe(path: path, limit: limit) }
        case nil: return
        }
    }

    /// Parses every line of `bytes` as an access-log line.
    static func accessLog(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            for line in buffer.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                _ = AccessLogLine(ByteSlice(UnsafeRawBufferPointer(rebasing: line)))
            }
        }
    }

    /// The file this process writes image inputs to, one per process.
    static let path = NSTemporaryDirectory() + "/fuzz-formats-\(getpid()).img"

    /// Writes `bytes` to ``path`` and reads it with `read`, which may throw.
    static func withFile(_ bytes: [UInt8], _ read: (String) throws -> Void) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("cannot write \(path)")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try? read(path)
    }
}
