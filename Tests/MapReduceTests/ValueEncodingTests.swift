import MapReduce
import Testing

/// Built-in values round-trip through their encodings, and decoding garbage throws.
struct ValueEncodingTests {
    func roundTrip<V: ShuffleValue & Equatable>(_ value: V) throws -> V {
        var writer = ByteWriter()
        value.encode(into: &writer)
        return try writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            let decoded = try V(decoding: &reader)
            #expect(reader.isAtEnd)
            return decoded
        }
    }

    @Test func integersRoundTrip() throws {
        for value in [Int.min, -1_000_000, -1, 0, 1, 127, 128, 300, Int.max] { #expect(try roundTrip(value) == value) }
        for value in [UInt64.min, 1, 0x7F, 0x80, 0x3FFF, 0x4000, UInt64.max] { #expect(try roundTrip(value) == value) }
        for value in [Int8.min, 0, Int8.max] { #expect(try roundTrip(value) == value) }
    }

    /// The length of an encoding, the `MAP_OUTPUT_BYTES` counter's part for a value.
    func encodedLength(_ value: some ShuffleValue) -> Int {
        var writer = ByteWriter()
        value.encode(into: &writer)
        return writer.count
    }

    @Test func integerEncodedByteCountsAreTheEncodingsLengths() {
        var signed: [Int64] = [Int64.min, Int64.max, 0]
        var unsigned: [UInt64] = [UInt64.max, 0]
        for bit in 0..<64 {
            let power = UInt64(1) << UInt64(bit)
            unsigned += [power - 1, power, power + 1]
            let wrapped = Int64(truncatingIfNeeded: power)
            signed += [wrapped, wrapped &- 1, 0 &- wrapped]
        }
        for value in signed {
            #expect(value.encodedByteCount == encodedLength(value))
            #expect(Int(value).encodedByteCount == encodedLength(Int(value)))
        }
        for value in unsigned { #expect(value.encodedByteCount == encodedLength(value)) }
        for value in [Int8.min, -1, 0, 63, 64, Int8.max] { #expect(value.encodedByteCount == encodedLength(value)) }
    }

    @Test func otherValuesRoundTrip() throws {
        #expect(try roundTrip(-3.75) == -3.75)
        #expect(try roundTrip(true) == true)
        #expect(try roundTrip("héllo\tworld") == "héllo\tworld")
        #expect(try roundTrip(ByteString([0, 0xFF, 0x80])) == ByteString([0, 0xFF, 0x80]))
        #expect(try roundTrip([UInt64](repeating: 7, count: 256)) == [UInt64](repeating: 7, count: 256))
        #expect(try roundTrip([[1, 2], [], [3]]) == [[1, 2], [], [3]])
    }

    /// A slice encodes as a byte string does and decodes as a slice of the reader's bytes.
    @Test func byteSlicesEncodeAsByteStringsAndDecodeBorrowed() throws {
        for bytes: [UInt8] in [[], [0], Array(0...255), [UInt8](repeating: 9, count: 300)] {
            var slice = ByteWriter()
            var string = ByteWriter()
            bytes.withUnsafeBytes { ByteSlice($0).encode(into: &slice) }
            ByteString(bytes).encode(into: &string)
            #expect(slice.bytes == string.bytes)
            #expect(bytes.withUnsafeBytes { ByteSlice($0).encodedByteCount } == slice.count)
            try slice.bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                let decoded = try ByteSlice(decoding: &reader)
                #expect(Array(decoded) == bytes)
                #expect(reader.isAtEnd)
                if !bytes.isEmpty {
                    #expect(decoded.buffer.baseAddress == raw.baseAddress! + (slice.count - bytes.count))
                }
            }
        }
    }

    @Test func smallIntegersAreShort() {
        var writer = ByteWriter()
        1.encode(into: &writer)
        #expect(writer.count == 1)
    }

    @Test func truncatedValuesThrow() {
        var writer = ByteWriter()
        "a longer string".encode(into: &writer)
        let cut = Array(writer.bytes.dropLast())
        #expect(throws: DecodingError.truncated) {
            try cut.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                _ = try String(decoding: &reader)
            }
        }
        #expect(throws: DecodingError.self) {
            try [UInt8](repeating: 0xFF, count: 11).withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                _ = try UInt64(decoding: &reader)
            }
        }
    }

    @Test func decimalTextMatchesDescription() {
        for value in [0, 7, -7, 10, 99_999, Int.min, Int.max] {
            var writer = ByteWriter()
            writer.writeDecimal(value)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
        }
    }
}
