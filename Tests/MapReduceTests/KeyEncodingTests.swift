import MapReduce
import Testing

/// Every built-in key type sorts by its encoded bytes exactly as its values sort.
struct KeyEncodingTests {
    func encoded<K: SortableKey>(_ key: K) -> [UInt8] {
        var writer = ByteWriter()
        key.encodeSortable(into: &writer)
        return writer.bytes
    }

    func decoded<K: SortableKey>(_ bytes: [UInt8], as: K.Type) throws -> K {
        try bytes.withUnsafeBytes { try K(sortableBytes: $0) }
    }

    /// Checks order and round trip for `values` under `areInIncreasingOrder`.
    func checkOrder<K: SortableKey & Equatable>(_ values: [K], by areInIncreasingOrder: (K, K) -> Bool) throws {
        for left in values {
            for right in values {
                let bytesOrder = encoded(left).lexicographicallyPrecedes(encoded(right))
                #expect(bytesOrder == areInIncreasingOrder(left, right), "\(left) vs \(right)")
            }
            #expect(try decoded(encoded(left), as: K.self) == left)
        }
    }

    func integers<T: FixedWidthInteger>(_: T.Type) -> [T] {
        var generator = SystemRandomNumberGenerator()
        let fixed: [T] =
            [.min, .min + 1, 0, 1, .max - 1, .max]
            + (T.isSigned ? [T(truncatingIfNeeded: -1), T(truncatingIfNeeded: -2)] : [])
        return fixed + (0..<20).map { _ in T.random(in: .min ... .max, using: &generator) }
    }

    @Test func signedIntegersSortNumerically() throws {
        try checkOrder(integers(Int8.self), by: <)
        try checkOrder(integers(Int16.self), by: <)
        try checkOrder(integers(Int32.self), by: <)
        try checkOrder(integers(Int64.self), by: <)
        try checkOrder(integers(Int.self), by: <)
    }

    @Test func unsignedIntegersSortNumerically() throws {
        try checkOrder(integers(UInt8.self), by: <)
        try checkOrder(integers(UInt16.self), by: <)
        try checkOrder(integers(UInt32.self), by: <)
        try checkOrder(integers(UInt64.self), by: <)
        try checkOrder(integers(UInt.self), by: <)
    }

    @Test func doublesSortNumerically() throws {
        let values: [Double] =
            [
                -.infinity, -.greatestFiniteMagnitude, -1e300, -2.5, -1, -.leastNonzeroMagnitude, 0,
                .leastNonzeroMagnitude, 1e-300, 0.5, 1, 2.5, 1e300, .greatestFiniteMagnitude, .infinity,
            ] + (0..<20).map { _ in Double.random(in: -1e6...1e6) }
        try checkOrder(values, by: <)
    }

    @Test func boolsSortFalseFirst() throws {
        try checkOrder([false, true], by: { !$0 && $1 })
    }

    @Test func stringsSortByCodePoint() throws {
        let values = [
            "", "a", "ab", "b", "Z", "é", "e\u{301}", "日本", "\u{1F600}", "a\u{0}b", "a\u{0}", "zz", "\u{FFFF}",
        ]
        try checkOrder(values) { left, right in
            left.unicodeScalars.map(\.value).lexicographicallyPrecedes(right.unicodeScalars.map(\.value))
        }
    }

    @Test func byteStringsSortAsBytes() throws {
        let values: [ByteString] = [
            ByteString([]), ByteString([0]), ByteString([0, 0]), ByteString([0xFF]), ByteString([1, 2]),
            ByteString([0xC3, 0x28]),
        ]
        try checkOrder(values, by: <)
    }

    @Test func pairsSortByFirstThenSecond() throws {
        var values: [KeyPair<String, Int>] = []
        for first in ["", "a", "a\u{0}", "a\u{0}b", "ab", "b"] {
            for second in [-5, 0, 7] { values.append(KeyPair(first, second)) }
        }
        try checkOrder(values) { left, right in
            let a = Array(left.first.utf8)
            let b = Array(right.first.utf8)
            return a != b ? a.lexicographicallyPrecedes(b) : left.second < right.second
        }
    }

    @Test func nestedPairsRoundTrip() throws {
        let key = KeyPair(KeyPair("x\u{0}y", UInt8(3)), -2.5)
        let back = try decoded(encoded(key), as: KeyPair<KeyPair<String, UInt8>, Double>.self)
        #expect(back.first.first == "x\u{0}y")
        #expect(back.first.second == 3)
        #expect(back.second == -2.5)
    }

    @Test func malformedKeysAreRefused() {
        #expect(throws: DecodingError.self) { try decoded([1, 2, 3], as: Int64.self) }
        #expect(throws: DecodingError.self) { try decoded([2], as: Bool.self) }
        #expect(throws: DecodingError.self) { try decoded([0x61, 0x62], as: KeyPair<String, Int>.self) }
    }
}
