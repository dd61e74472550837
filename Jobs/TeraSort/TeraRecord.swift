/// The 100-byte record of TeraGen, TeraSort and TeraValidate, laid out as Hadoop's `GenSort`
/// (after Chris Nyberg's `gensort`) writes it.
///
/// | bytes  | content                                                        |
/// |--------|----------------------------------------------------------------|
/// | 0–9    | the key: the high 10 bytes of the row's 128-bit random number  |
/// | 10–11  | `00 11`                                                        |
/// | 12–43  | the row number as 32 upper-case hexadecimal digits             |
/// | 44–47  | `88 99 AA BB`                                                  |
/// | 48–95  | hex digits 20–31 of the random number, each written 4 times    |
/// | 96–99  | `CC DD EE FF`                                                  |
///
/// The random number of a row is a function of the seed and the row number alone (two rounds
/// of the SplitMix64 mixer, where gensort skips ahead in a 128-bit linear congruential
/// sequence), so any range of rows can be generated on its own: the records do not depend on
/// how many maps generate them. They are not byte-for-byte those of Hadoop's TeraGen.
public enum TeraRecord {
    /// The bytes of a record.
    public static let length = 100
    /// The bytes of its key, which it sorts by.
    public static let keyLength = 10

    /// Writes the record of `row` for `seed` into the first ``length`` bytes of `record`.
    public static func generate(row: Int64, seed: UInt64, into record: UnsafeMutableRawBufferPointer) {
        let high = mix(seed &+ UInt64(bitPattern: row) &* 2 &+ 1)
        let low = mix(seed &+ UInt64(bitPattern: row) &* 2 &+ 2)
        for index in 0..<8 { record[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * index)) }
        record[8] = UInt8(truncatingIfNeeded: low >> 56)
        record[9] = UInt8(truncatingIfNeeded: low >> 48)
        record[10] = 0x00
        record[11] = 0x11
        for index in 0..<16 { record[12 + index] = UInt8(ascii: "0") }
        for index in 0..<16 { record[28 + index] = hexDigit(UInt64(bitPattern: row) >> (60 - 4 * index)) }
        record[44] = 0x88
        record[45] = 0x99
        record[46] = 0xAA
        record[47] = 0xBB
        for index in 0..<12 {
            let digit = hexDigit(low >> (44 - 4 * index))
            for copy in 0..<4 { record[48 + 4 * index + copy] = digit }
        }
        record[96] = 0xCC
        record[97] = 0xDD
        record[98] = 0xEE
        record[99] = 0xFF
    }

    /// The upper-case hexadecimal digit of the low 4 bits of `value`.
    static func hexDigit(_ value: UInt64) -> UInt8 {
        let nibble = UInt8(truncatingIfNeeded: value & 0xF)
        return nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }

    /// The SplitMix64 output for the state `value`, a well-mixed 64-bit function of it.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The key bytes as lower-case hexadecimal, for messages.
    public static func hex(_ key: some Sequence<UInt8>) -> String {
        key.map { String($0 >> 4, radix: 16) + String($0 & 0xF, radix: 16) }.joined()
    }
}
