/// Reads the printed form of a job, task or attempt id byte by byte.
///
/// Reduces read an id in every map output location they are sent, so the ids are parsed without
/// splitting into substrings or looking at characters: only ASCII digits, letters and `_` occur
/// in them.
struct IDScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// A scanner at the start of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position == bytes.count }

    /// Reads `literal` if the bytes go on with it.
    mutating func skip(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] { return false }
        position += count
        return true
    }

    /// Reads one or more ASCII digits as a number; exactly `width` of them when given.
    mutating func number(width: Int? = nil) -> Int? {
        let start = position
        var value = 0
        while position < bytes.count, case let digit = bytes[position] &- UInt8(ascii: "0"), digit < 10 {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow, case let (sum, carry) = shifted.addingReportingOverflow(Int(digit)), !carry else {
                return nil
            }
            value = sum
            position += 1
        }
        guard position > start, width.map({ position - start == $0 }) ?? true else { return nil }
        return value
    }

    /// Reads one or more ASCII digits as text.
    mutating func digits() -> String? {
        let start = position
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
        guard position > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// Reads `<stamp>_<seq>`.
    mutating func job() -> JobID? {
        guard let stamp = digits(), skip("_"), let sequence = number() else { return nil }
        return JobID(cluster: stamp, sequence: sequence)
    }

    /// Reads `<stamp>_<seq>[_pN]_<m|r|s>_<index>`, N at least 2 and the index six digits.
    mutating func task() -> TaskID? {
        guard let job = job(), skip("_") else { return nil }
        var phase = 0
        if skip("p") {
            guard let number = number(), number >= 2, skip("_") else { return nil }
            phase = number - 1
        }
        let kind: TaskID.Kind
        if skip("m") {
            kind = .map
        } else if skip("r") {
            kind = .reduce
        } else if skip("s") {
            kind = .setup
        } else {
            return nil
        }
        guard skip("_"), let index = number(width: 6) else { return nil }
        return TaskID(job: job, phase: phase, kind: kind, index: index)
    }

    /// Parses all of `text` with `read`, nil unless it reads every byte.
    static func parse<ID>(_ text: String, _ read: (inout IDScanner) -> ID?) -> ID? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = IDScanner(bytes)
            guard let id = read(&scanner), scanner.isAtEnd else { return nil }
            return id
        }
    }
}
