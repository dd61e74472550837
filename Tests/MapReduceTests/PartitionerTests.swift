import MapReduce
import Testing

/// The default partitioner hashes the key bytes with a fixed function: values every process agrees on.
struct PartitionerTests {
    func hash(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBytes { KeyBytes.stableHash($0) }
    }

    @Test func stableHashIsPinned() {
        #expect(hash("") == 0x9341_ca26_3702_a9e6)
        #expect(hash("a") == 0x21c6_978b_b297_a104)
        #expect(hash("foobar") == 0x0476_6e77_cb96_94e2)
        #expect(hash("sixteen bytes!!!") == 0xdbfb_ba56_c8f1_4f4e)
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
