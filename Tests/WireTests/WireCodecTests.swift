import NIOCore
import Testing

@testable import Wire

private struct Sample: WireCodable, Equatable {
    var name: String
    var count: Int
    var tags: [String]
    var limits: [String: UInt32]
    var parent: String?
    var weight: Double

    func encode(to writer: inout WireWriter) {
        writer.write(name)
        writer.write(count)
        writer.write(tags)
        writer.write(limits)
        writer.write(parent)
        writer.write(weight)
    }

    init(name: String, count: Int, tags: [String], limits: [String: UInt32], parent: String?, weight: Double) {
        self.name = name
        self.count = count
        self.tags = tags
        self.limits = limits
        self.parent = parent
        self.weight = weight
    }

    init(from reader: inout WireReader) throws {
        name = try reader.read()
        count = try reader.read()
        tags = try reader.read()
        limits = try reader.read()
        parent = try reader.read()
        weight = try reader.read()
    }
}

private func roundTrip<T: WireCodable & Equatable>(_ value: T) throws -> T {
    var writer = WireWriter()
    writer.write(value)
    var reader = WireReader(writer.buffer)
    let decoded = try reader.read(T.self)
    #expect(reader.isAtEnd)
    return decoded
}

private func bytes(_ write: (inout WireWriter) -> Void) -> [UInt8] {
    var writer = WireWriter()
    write(&writer)
    return Array(writer.buffer.readableBytesView)
}

@Suite struct WireCodecTests {
    @Test func fixedWidthIntegersAreBigEndian() {
        #expect(bytes { $0.write(UInt16(0x0102)) } == [0x01, 0x02])
        #expect(bytes { $0.write(UInt32(0x0102_0304)) } == [0x01, 0x02, 0x03, 0x04])
        #expect(bytes { $0.write(Int64(-1)) } == Array(repeating: 0xFF, count: 8))
    }

    @Test func fixedWidthIntegersRoundTrip() throws {
        for value in [UInt8.min, 1, 0x7F, .max] { #expect(try roundTrip(value) == value) }
        for value in [UInt16.min, 0x1234, .max] { #expect(try roundTrip(value) == value) }
        for value in [UInt32.min, 0x1234_5678, .max] { #expect(try roundTrip(value) == value) }
        for value in [UInt64.min, 0x0123_4567_89AB_CDEF, .max] { #expect(try roundTrip(value) == value) }
        for value in [Int8.min, -1, 0, .max] { #expect(try roundTrip(value) == value) }
        for value in [Int16.min, -1, 0, .max] { #expect(try roundTrip(value) == value) }
        for value in [Int32.min, -1, 0, .max] { #expect(try roundTrip(value) == value) }
        for value in [Int64.min, -1, 0, .max] { #expect(try roundTrip(value) == value) }
    }

    struct VarintCase: Sendable, CustomTestStringConvertible {
        var value: UInt64
        var encoded: [UInt8]
        var testDescription: String { "\(value)" }
    }

    static let varintCases: [VarintCase] = [
        VarintCase(value: 0, encoded: [0x00]),
        VarintCase(value: 1, encoded: [0x01]),
        VarintCase(value: 127, encoded: [0x7F]),
        VarintCase(value: 128, encoded: [0x80, 0x01]),
        VarintCase(value: 300, encoded: [0xAC, 0x02]),
        VarintCase(value: 16383, encoded: [0xFF, 0x7F]),
        VarintCase(value: 16384, encoded: [0x80, 0x80, 0x01]),
        VarintCase(value: UInt64(UInt32.max), encoded: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
        VarintCase(value: UInt64(Int64.max), encoded: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]),
        VarintCase(value: UInt64.max, encoded: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]

    @Test(arguments: varintCases)
    func varintEncodingAndRoundTrip(_ testCase: VarintCase) throws {
        #expect(bytes { $0.writeVarint(testCase.value) } == testCase.encoded)
        var reader = WireReader(ByteBuffer(bytes: testCase.encoded))
        #expect(try reader.readVarint() == testCase.value)
        #expect(reader.isAtEnd)
    }

    @Test func signedVarintsUseZigzag() throws {
        #expect(bytes { $0.write(0) } == [0x00])
        #expect(bytes { $0.write(-1) } == [0x01])
        #expect(bytes { $0.write(1) } == [0x02])
        #expect(bytes { $0.write(-64) } == [0x7F])
        for value in [Int.min, Int.min + 1, -300, -1, 0, 1, 300, Int.max - 1, Int.max] {
            #expect(try roundTrip(value) == value)
        }
        for value in [UInt.min, 1, 128, UInt.max] {
            #expect(try roundTrip(value) == value)
        }
    }

    @Test func overlongOrOverflowingVarintsAreMalformed() {
        var overflow = WireReader(ByteBuffer(bytes: Array(repeating: 0xFF, count: 9) + [0x02]))
        #expect(throws: WireError.malformed("varint overflows 64 bits")) { try overflow.readVarint() }
        var endless = WireReader(ByteBuffer(bytes: Array(repeating: 0x80, count: 12)))
        #expect(throws: WireError.self) { try endless.readVarint() }
    }

    @Test func scalarsAndStringsRoundTrip() throws {
        #expect(try roundTrip(true) == true)
        #expect(try roundTrip(false) == false)
        #expect(try roundTrip(3.25) == 3.25)
        #expect(try roundTrip(-Double.infinity) == -.infinity)
        #expect(try roundTrip("") == "")
        #expect(try roundTrip("héllo, wörld ✓") == "héllo, wörld ✓")
        #expect(bytes { $0.write("ab") } == [0x02, 0x61, 0x62])
        let buffer = ByteBuffer(bytes: [1, 2, 3])
        #expect(try roundTrip(buffer) == buffer)
    }

    @Test func collectionsRoundTrip() throws {
        #expect(try roundTrip([UInt32]()) == [])
        #expect(try roundTrip([1, -2, 3]) == [1, -2, 3])
        #expect(try roundTrip([[String]](arrayLiteral: ["a"], [], ["b", "c"])) == [["a"], [], ["b", "c"]])
        #expect(try roundTrip(String?.none) == nil)
        #expect(try roundTrip(String?.some("x")) == "x")
        #expect(try roundTrip(["a": 1, "b": 2]) == ["a": 1, "b": 2])
        #expect(bytes { $0.write([UInt8]([7, 8])) } == bytes { $0.writeBytes([7, 8]) })
        let sample = Sample(name: "job", count: -5, tags: ["x", "y"], limits: ["maps": 4], parent: nil, weight: 0.5)
        #expect(try roundTrip(sample) == sample)
    }

    @Test func rawAndLengthPrefixedBytes() throws {
        var writer = WireWriter()
        writer.writeRawBytes([9, 9])
        writer.writeBytes([1, 2, 3])
        writer.writeBytes(ByteBuffer(bytes: [4]))
        var reader = WireReader(writer.buffer)
        #expect(try reader.readRawBytes(count: 2) == [9, 9])
        #expect(try reader.readByteArray() == [1, 2, 3])
        #expect(try reader.readBytes() == ByteBuffer(bytes: [4]))
        try reader.expectEnd()
    }

    @Test func truncatedInputThrowsInsteadOfCrashing() throws {
        let sample = Sample(
            name: "job",
            count: 1_000_000,
            tags: ["x", "y"],
            limits: ["maps": 4],
            parent: "p",
            weight: 1
        )
        let full = Array(sample.encodedBuffer().readableBytesView)
        for cut in 0..<full.count {
            #expect(throws: WireError.self) { try Sample(decoding: ByteBuffer(bytes: full[..<cut])) }
        }
        var reader = WireReader(ByteBuffer(bytes: [0x01]))
        #expect(throws: WireError.truncated(needed: 4, remaining: 1)) { try reader.read(UInt32.self) }
    }

    @Test func hostileLengthsAndValuesAreRejected() {
        var hugeString = WireReader(ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x61]))
        #expect(throws: WireError.truncated(needed: Int(UInt32.max), remaining: 1)) { try hugeString.readString() }
        var hugeArray = WireReader(ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]))
        #expect(throws: WireError.self) { try hugeArray.read([UInt8].self) }
        var badBool = WireReader(ByteBuffer(bytes: [2]))
        #expect(throws: WireError.malformed("boolean byte 2 is neither 0 nor 1")) { try badBool.readBool() }
        var badUTF8 = WireReader(ByteBuffer(bytes: [0x02, 0xC3, 0x28]))
        #expect(throws: WireError.malformed("string is not valid UTF-8")) { try badUTF8.readString() }
        var duplicateKeys = WireReader(ByteBuffer(bytes: [0x02, 0x01, 0x61, 0x02, 0x01, 0x61, 0x04]))
        #expect(throws: WireError.malformed("duplicate key in map")) { try duplicateKeys.read([String: Int].self) }
        let trailing = WireReader(ByteBuffer(bytes: [0x01]))
        #expect(throws: WireError.self) { try trailing.expectEnd() }
    }

    @Test func errorDescriptionsAreOneLine() {
        let errors: [WireError] = [
            .truncated(needed: 4, remaining: 1), .malformed("x"), .frameTooLarge(length: 10, maximum: 5),
            .unexpectedMessage(expected: .hello, received: .welcome), .remote(ErrorMessage(message: "boom")),
            .handshakeFailed("h"), .timedOut("t"), .connectionClosed, .invalidSecret("s"), .invalidConfiguration("c"),
        ]
        for error in errors {
            #expect(!error.description.isEmpty)
            #expect(!error.description.contains("\n"))
        }
        #expect(WireError.remote(ErrorMessage(message: "boom")).description == "boom")
        #expect(MessageType(0x7777).description == "0x7777")
        #expect(MessageType(0x1).description == "0x0001")
    }
}
