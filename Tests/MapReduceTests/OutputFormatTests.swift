import Foundation
import MapReduce
import TestSupport
import Testing

/// The built-in output formats write exactly their documented bytes into the task's part file.
struct OutputFormatTests {
    let task = TaskID(job: JobID(cluster: "20260101000000", sequence: 1), kind: .reduce, index: 3)

    func written<F: OutputFormat>(_ format: F, _ records: [(F.Key, F.Value)]) throws -> [UInt8] {
        let directory = try TemporaryDirectory("output")
        let writer = try format.makeWriter(for: task, in: directory.path)
        for (key, value) in records { try writer.write(key, value) }
        try writer.close()
        #expect(task.partFileName == "part-r-00003")
        return Array(try Data(contentsOf: URL(fileURLWithPath: directory.file(task.partFileName))))
    }

    @Test func textWritesKeyTabValueLines() throws {
        #expect(try written(TextOutputFormat<String, Int>(), [("a", 1), ("b c", -2)]) == Array("a\t1\nb c\t-2\n".utf8))
    }

    @Test func keyOnlyWritesKeyLines() throws {
        #expect(
            try written(KeyOnlyTextOutputFormat<String, Int>(), [("a", 1), ("", 2), ("z", 3)]) == Array("a\n\nz\n".utf8)
        )
        #expect(try written(KeyOnlyTextOutputFormat<String, Int>(), []).isEmpty)
    }

    @Test func rawWritesKeyAndValueBytesOnly() throws {
        let key: [UInt8] = [0, 0xFF, 0x0A]
        let value: [UInt8] = [0x09, 1, 2]
        let bytes = try key.withUnsafeBytes { key in
            try value.withUnsafeBytes { value in
                try written(
                    RawOutputFormat<ByteSlice, ByteSlice>(),
                    [(ByteSlice(key), ByteSlice(value)), (ByteSlice(value), ByteSlice(key))]
                )
            }
        }
        #expect(bytes == key + value + value + key)
        #expect(try written(RawOutputFormat<ByteString, ByteString>(), [("ab", "cd")]) == Array("abcd".utf8))
    }
}
