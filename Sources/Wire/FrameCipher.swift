import Crypto
import Foundation
import NIOCore

/// One direction of a connection's frame protection: AES-256-GCM under that direction's session
/// key, with the count of frames already sent in that direction as the nonce.
///
/// A sealed frame is an ordinary frame of type ``MessageType/sealed`` whose payload is the
/// ciphertext of the inner frame's header and payload followed by the 16-byte tag. The outer
/// header is the associated data, so its length, type, request id and flags are authenticated
/// too; the request id and flags must be zero.
///
/// ```
/// +-------------+------------+----------------+----------+------------------------------+---------+
/// | length u32  | type u16   | request id u64 | flags u8 | AES-256-GCM(inner header ‖   | tag     |
/// | = 11+11+n+16| 0x0005     | 0              | 0        | inner payload), 11 + n bytes | 16 bytes|
/// +-------------+------------+----------------+----------+------------------------------+---------+
/// |<------------- associated data (15 bytes) ----------->|
/// inner header = type u16 ‖ request id u64 ‖ flags u8;  nonce = 0x00000000 ‖ counter u64
/// ```
///
/// The nonce is never sent: both ends count frames, so a frame that is dropped, replayed,
/// reordered or injected fails authentication, and the connection is closed.
package struct FrameCipher {
    /// The size of the AES-GCM tag.
    static let tagSize = 16

    /// The bytes sealing adds to a frame's length field: the inner header and the tag.
    static let overhead = Frame.headerSize + tagSize

    private let key: SymmetricKey

    /// The number of frames sealed or opened so far, which is the next frame's nonce.
    private(set) var counter: UInt64 = 0

    /// Creates the cipher of one direction from its 32-byte session key.
    package init(key: [UInt8]) {
        self.key = SymmetricKey(data: key)
    }

    /// Seals `frame` as this direction's next frame and appends the sealed frame, as it goes on
    /// the wire, to `out`.
    ///
    /// The inner header and payload are written once, into `out`, and sealed there: the
    /// ciphertext replaces them in place, so a frame costs one copy of its payload besides the
    /// cipher's own pass.
    package mutating func seal(_ frame: Frame, into out: inout ByteBuffer) throws {
        let length = frame.length + Self.overhead
        guard UInt32(exactly: length) != nil else {
            throw WireError.frameTooLarge(length: length, maximum: Int(UInt32.max))
        }
        let nonce = try nextNonce()
        let associatedData = Self.associatedData(length: length)
        out.reserveCapacity(minimumWritableBytes: Frame.lengthFieldSize + length)
        out.writeBytes(associatedData)
        let plaintextStart = out.writerIndex - out.readerIndex
        out.writeInteger(frame.type.rawValue, endianness: .big)
        out.writeInteger(frame.requestID, endianness: .big)
        out.writeInteger(frame.flags.rawValue)
        out.writeImmutableBuffer(frame.payload)
        let plaintextEnd = out.writerIndex - out.readerIndex
        let tag = try out.withUnsafeMutableReadableBytes { bytes in
            let plaintext = UnsafeMutableRawBufferPointer(rebasing: bytes[plaintextStart..<plaintextEnd])
            let box = try AES.GCM.seal(
                UnsafeRawBufferPointer(plaintext),
                using: key,
                nonce: nonce,
                authenticating: associatedData
            )
            box.ciphertext.withUnsafeBytes { plaintext.copyMemory(from: $0) }
            return box.tag
        }
        _ = tag.withUnsafeBytes { out.writeBytes($0) }
        counter += 1
    }

    /// Opens this direction's next frame, throwing unless it is exactly the sealed frame expected.
    package mutating func open(_ envelope: Frame, allocator: ByteBufferAllocator) throws -> Frame {
        guard envelope.type == .sealed else {
            throw WireError.malformed("a frame of type \(envelope.type) arrived unsealed after the handshake")
        }
        let sealedBytes = envelope.payload.readableBytes
        guard envelope.requestID == 0, envelope.flags.rawValue == 0, sealedBytes >= Self.overhead else {
            throw WireError.malformed("sealed frame \(counter) has a malformed envelope")
        }
        let associatedData = Self.associatedData(length: envelope.length)
        let nonce = try nextNonce()
        let opened: Data
        do {
            opened = try envelope.payload.withUnsafeReadableBytes { bytes in
                let box = try AES.GCM.SealedBox(
                    nonce: nonce,
                    ciphertext: UnsafeRawBufferPointer(rebasing: bytes.prefix(sealedBytes - Self.tagSize)),
                    tag: UnsafeRawBufferPointer(rebasing: bytes.suffix(Self.tagSize))
                )
                return try AES.GCM.open(box, using: key, authenticating: associatedData)
            }
        } catch {
            throw WireError.malformed(
                "sealed frame \(counter) failed authentication: it was altered, replayed, reordered or injected"
            )
        }
        var plaintext = allocator.buffer(capacity: opened.count)
        _ = opened.withUnsafeBytes { plaintext.writeBytes($0) }
        guard
            let type = plaintext.readInteger(endianness: .big, as: UInt16.self),
            let requestID = plaintext.readInteger(endianness: .big, as: UInt64.self),
            let flags = plaintext.readInteger(as: UInt8.self)
        else {
            throw WireError.malformed("sealed frame \(counter) holds no frame header")
        }
        counter += 1
        return Frame(
            type: MessageType(type),
            requestID: requestID,
            flags: FrameFlags(rawValue: flags),
            payload: plaintext
        )
    }

    private func nextNonce() throws -> AES.GCM.Nonce {
        guard counter < .max else {
            throw WireError.malformed("the frame counter is exhausted; reconnect")
        }
        var bytes = [UInt8](repeating: 0, count: 4)
        withUnsafeBytes(of: counter.bigEndian) { bytes.append(contentsOf: $0) }
        return try AES.GCM.Nonce(data: bytes)
    }

    /// The outer header of a sealed frame whose length field is `length`.
    private static func associatedData(length: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Frame.lengthFieldSize + Frame.headerSize)
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: MessageType.sealed.rawValue.bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: repeatElement(0, count: 9))
        return bytes
    }
}
