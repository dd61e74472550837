import Crypto
import Foundation
import MapReduce

/// The SHA-256 of a file, read in large blocks: how job files are named and checked.
public enum FileDigest {
    /// The file's SHA-256 as 64 lowercase hexadecimal digits, and its size.
    public static func sha256(ofFileAt path: String) throws -> (hash: String, size: Int64) {
        let file = try FileReadHandle(path: path)
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: Int64 = 0
        while true {
            let read = try buffer.withUnsafeMutableBytes { try file.read(into: $0, at: offset) }
            if read == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<read])) }
            offset += Int64(read)
        }
        return (hex(hasher.finalize()), offset)
    }

    /// Bytes as lowercase hexadecimal digits.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        String(bytes.flatMap { byte in [Self.digits[Int(byte >> 4)], Self.digits[Int(byte & 0x0F)]] })
    }

    private static let digits = Array("0123456789abcdef")
}
