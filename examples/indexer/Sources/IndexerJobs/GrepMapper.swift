import MapReduce

/// Emits each matching line under its file's name, with its byte offset in front of it.
public struct GrepMapper: Mapper {
    private var pattern: [UInt8] = []

    public init() {}

    public mutating func setup(_ context: MapContext<String, String>) throws {
        pattern = Array((context.parameters[GrepJob.patternParameter] ?? "").utf8)
    }

    public mutating func map(_ line: TextLine, context: MapContext<String, String>) throws {
        let bytes = Array(line.bytes)
        guard Self.contains(bytes, pattern) else { return }
        let file = context.inputSplit.map { String($0.path.split(separator: "/").last ?? "") } ?? ""
        try context.emit(file, "\(line.offset)\t" + String(decoding: bytes, as: UTF8.self))
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
