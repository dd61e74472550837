import Testing

@testable import MapReduce

/// The map output buffer's byte arena keeps exactly the bytes appended to it, short runs copied
/// word-wise included, across growth.
struct UnsafeGrowableBufferTests {
    @Test func appendedBytesOfEveryLengthAreKeptAcrossGrowth() {
        let source = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        var arena = UnsafeGrowableBuffer<UInt8>(capacity: 16)
        defer { arena.deallocate() }
        var expected: [UInt8] = []
        var offset = 0
        for round in 0..<400 {
            let length = round % 41
            let start = offset % (source.count - length)
            source.withUnsafeBytes { arena.append(bytes: UnsafeRawBufferPointer(rebasing: $0[start..<start + length])) }
            expected += source[start..<start + length]
            offset += 97
        }
        #expect(arena.count == expected.count)
        #expect(Array(arena.bytes(at: 0, length: arena.count)) == expected)
    }
}
