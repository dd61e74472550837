import MapReduce

/// Writes each word's number of files and their sorted, de-duplicated names.
public struct IndexReducer: Reducer {
    public init() {}

    public mutating func reduce(
        _ word: String,
        values: ReduceValues<String>,
        context: ReduceContext<String, String>
    ) throws {
        var files = Set<String>()
        for file in values { files.insert(file) }
        let sorted = files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        try context.write(word, "\(sorted.count) " + sorted.joined(separator: ","))
    }
}
