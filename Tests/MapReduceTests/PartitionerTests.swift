import MapReduce
import Testing

/// The default partitioner is FNV-1a of the key bytes: fixed values that every process agrees on.
struct PartitionerTests {
    func hash(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBytes { HashPartitioner.fnv1a($0) }
    }

    @Test func fnv1aMatchesPublishedVectors() {
        #expect(hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(hash("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func partitionsAreInRangeAndSpread() {
        var counts = [Int](repeating: 0, count: 7)
        for number in 0..<7000 {
            let partition = Array("key\(number)".utf8).withUnsafeBytes { HashPartitioner().partition(of: $0, among: 7) }
            counts[partition] += 1
        }
        #expect(counts.allSatisfy { $0 > 700 })
    }
}
