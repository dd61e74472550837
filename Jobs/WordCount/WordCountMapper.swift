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
        try WordScanner.forEachWord(in: line.bytes.buffer) { try context.emit(ByteSlice($0), 1) }
    }
}
