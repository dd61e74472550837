import MapReduce

/// Emits `(word, 1)` for every word of a line.
public struct WordCountMapper: Mapper {
    private var normalizer: NormalizingTokenizer?

    public init() {}

    public mutating func setup(_ context: MapContext<ByteSlice, Int>) throws {
        normalizer = try context.parameters.bool(WordCountJob.normalizeParameter) ? NormalizingTokenizer() : nil
    }

    public mutating func map(_ line: TextLine, context: MapContext<ByteSlice, Int>) throws {
        if normalizer != nil {
            try normalizer!.forEachWord(in: line.bytes) { try context.emit($0, 1) }
            return
        }
        let bytes = line.bytes.buffer
        var index = 0
        let count = bytes.count
        while index < count {
            while index < count, Self.isSpace(bytes[index]) { index += 1 }
            let start = index
            while index < count, !Self.isSpace(bytes[index]) { index += 1 }
            if index > start {
                try context.emit(ByteSlice(UnsafeRawBufferPointer(rebasing: bytes[start..<index])), 1)
            }
        }
    }

    /// Whether `byte` is ASCII white space in the C locale: space, `\t`, `\n`, `\v`, `\f` or `\r`.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
