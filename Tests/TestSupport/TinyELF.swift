/// The smallest executable for another architecture: an ELF header and one program header for
/// aarch64, which an x86-64 kernel refuses with "exec format error" (and an aarch64 one would
/// fault on, as it holds no code).
public enum TinyELF {
    /// The file's bytes.
    public static let aarch64: [UInt8] = {
        var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 8)
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        append(UInt16(2))
        append(UInt16(183))
        append(UInt32(1))
        append(UInt64(0x40_0078))
        append(UInt64(64))
        append(UInt64(0))
        append(UInt32(0))
        for field: UInt16 in [64, 56, 1, 0, 0, 0] { append(field) }
        append(UInt32(1))
        append(UInt32(5))
        for field: UInt64 in [0, 0x40_0000, 0x40_0000, 0x80, 0x80, 0x1000] { append(field) }
        return bytes + Array(repeating: 0, count: 8)
    }()
}
