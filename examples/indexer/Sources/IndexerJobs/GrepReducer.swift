import MapReduce

/// Writes a file's matching lines in offset order, each as `file:offset<TAB>line`.
public struct GrepReducer: Reducer {
    public init() {}

    public mutating func reduce(
        _ file: String,
        values: ReduceValues<String>,
        context: ReduceContext<String, String>
    ) throws {
        var matches: [(offset: Int64, line: Substring)] = []
        for value in values {
            guard let tab = value.firstIndex(of: "\t"), let offset = Int64(value[..<tab]) else { continue }
            matches.append((offset, value[value.index(after: tab)...]))
        }
        for match in matches.sorted(by: { $0.offset < $1.offset }) {
            try context.write("\(file):\(match.offset)", String(match.line))
        }
    }
}
