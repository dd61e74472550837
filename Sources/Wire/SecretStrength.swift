import Foundation

/// The rule a cluster secret must meet: at least 128 bits of key, judged by how it is written.
///
/// The secret's bytes are used as they are; this rule only decides whether they are strong enough:
///
/// * hexadecimal text of at least 32 digits (16 bytes once decoded), as ``ClusterSecret/random()`` makes;
/// * base64 text decoding to at least 16 bytes, as `head -c 32 /dev/urandom | base64` makes
///   (standard alphabet, `=` padding, line breaks allowed);
/// * binary bytes that are not UTF-8 text, at least 32 of them, as `head -c 32 /dev/urandom` makes.
///
/// Anything else, such as a word or a passphrase, is refused: there is no way to tell how much
/// of it an attacker could guess, and one captured handshake is enough to try guesses offline.
/// The decoded key must also hold at least 8 distinct byte values, which refuses runs such as
/// `AAAAAAAAAAAAAAAAAAAAAAAA` that pass the length tests.
enum SecretStrength {
    /// The least number of key bytes: 128 bits.
    static let minimumKeyBytes = 16

    /// The least number of bytes of a binary secret, which has no encoding to tell its entropy by.
    static let minimumBinaryBytes = 32

    /// The least number of distinct byte values in the decoded key.
    static let minimumDistinctBytes = 8

    /// The command that makes a good secret, quoted in every refusal.
    static let recipe = "head -c 32 /dev/urandom | base64"

    /// Returns why `bytes` is too weak to be a cluster secret, or `nil` when it is strong enough.
    static func weakness(of bytes: [UInt8]) -> String? {
        let key: [UInt8]
        if let text = String(bytes: bytes, encoding: .utf8) {
            guard let decoded = decodedKey(text) else {
                return "it is text that is neither hexadecimal nor base64"
            }
            key = decoded
        } else {
            guard bytes.count >= minimumBinaryBytes else {
                return "it is \(bytes.count) bytes of binary, fewer than the \(minimumBinaryBytes) required"
            }
            key = bytes
        }
        guard key.count >= minimumKeyBytes else {
            return "it holds \(key.count * 8) bits of key, fewer than the 128 required"
        }
        guard Set(key).count >= minimumDistinctBytes else {
            return "it repeats too few distinct bytes"
        }
        return nil
    }

    /// The key that hexadecimal or base64 text stands for, or `nil` for other text.
    private static func decodedKey(_ text: String) -> [UInt8]? {
        let compact = text.unicodeScalars.filter { !$0.properties.isWhitespace }
        if !compact.isEmpty, compact.allSatisfy({ $0.properties.isASCIIHexDigit }) {
            let digits = Array(compact)
            return stride(from: 0, to: digits.count - 1, by: 2).compactMap { index in
                UInt8(String(digits[index]) + String(digits[index + 1]), radix: 16)
            }
        }
        return Data(base64Encoded: String(String.UnicodeScalarView(compact))).map { Array($0) }
    }
}
