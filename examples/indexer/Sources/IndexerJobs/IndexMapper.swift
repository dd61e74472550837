import MapReduce

/// Emits (word, file) once per word and file of the task's splits.
public struct IndexMapper: Mapper {
    /// The pairs emitted so far, so that a word seen again in the same file is not sent twice.
    private var seen = Set<String>()

    public init() {}

    public mutating func map(_ line: TextLine, context: MapContext<String, String>) throws {
        let file = context.inputSplit.map { String($0.path.split(separator: "/").last ?? "") } ?? ""
        let text = line.bytes.string
        for word in text.split(whereSeparator: { !$0.isLetter }) {
            let key = String(word)
            if seen.insert(key + "\u{0}" + file).inserted {
                try context.emit(key, file)
            }
        }
    }
}
