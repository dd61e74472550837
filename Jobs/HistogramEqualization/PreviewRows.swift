import MapReduce

/// A band's share of its image's preview artifacts: its rows of the downscaled image, as 8-bit
/// gray or RGB pixels, before and after equalization (``PreviewSampler``).
///
/// The apply maps sample them only when the job is asked for artifacts; band by band they travel
/// to the writer with the pixels, which stacks them and encodes the previews.
public struct PreviewRows: Sendable, Equatable {
    /// Pixels per preview row.
    public var width: Int
    /// 1 (gray) or 3 (RGB).
    public var channels: Int
    /// The rows before equalization.
    public var before: [UInt8]
    /// The same rows after.
    public var after: [UInt8]

    /// Creates the rows; `before` and `after` hold whole rows of `width` × `channels` bytes.
    public init(width: Int, channels: Int, before: [UInt8], after: [UInt8]) {
        self.width = width
        self.channels = channels
        self.before = before
        self.after = after
    }

    /// The number of rows.
    public var rowCount: Int { width * channels == 0 ? 0 : before.count / (width * channels) }

    /// Their size in bytes.
    public var byteCount: Int { before.count + after.count }

    /// Appends the encoding to `writer`.
    public func encode(into writer: inout ByteWriter) {
        writer.writeVarint(UInt64(width))
        writer.writeVarint(UInt64(channels))
        before.withUnsafeBytes { writer.writeLengthPrefixed($0) }
        after.withUnsafeBytes { writer.writeLengthPrefixed($0) }
    }

    /// Reads the encoding from `reader`.
    public init(decoding reader: inout ByteReader) throws {
        width = Int(try reader.readVarint())
        channels = Int(try reader.readVarint())
        before = [UInt8](try reader.readLengthPrefixed())
        after = [UInt8](try reader.readLengthPrefixed())
        guard channels == 1 || channels == 3, before.count == after.count, width > 0 || before.isEmpty,
            before.count % max(1, width * channels) == 0
        else {
            throw DecodingError.malformed("preview rows of \(before.count) and \(after.count) bytes, \(width) × \(channels) wide")
        }
    }
}
