import MapReduce

/// Splits text into Unicode words and case-folds them, for `wordcount --normalize`.
///
/// The rule: the line is decoded as UTF-8 (invalid bytes become U+FFFD, a separator). A word is a
/// maximal run of letters (Unicode `Alphabetic`) and digits (`Numeric_Type` decimal, digit or
/// numeric), where an apostrophe (U+0027 or U+2019) between two such characters belongs to the
/// word and is written as U+0027. Words are lowercased with Unicode's full lowercase mapping, so
/// "The", "THE" and "the" are one word, and "Don’t" is "don't"; a leading or trailing apostrophe
/// ("'tis", "dogs'") is not part of the word.
struct NormalizingTokenizer {
    private var word: [UInt8] = []
    private var pendingApostrophe = false

    /// Calls `body` with each normalized word of `text`, as UTF-8 bytes borrowed for the call.
    mutating func forEachWord(in text: ByteSlice, _ body: (ByteSlice) throws -> Void) throws {
        word.removeAll(keepingCapacity: true)
        pendingApostrophe = false
        for scalar in String(decoding: text.buffer, as: UTF8.self).unicodeScalars {
            if Self.isWordCharacter(scalar) {
                if pendingApostrophe { word.append(UInt8(ascii: "'")) }
                pendingApostrophe = false
                for lowered in scalar.properties.lowercaseMapping.utf8 { word.append(lowered) }
            } else if (scalar == "'" || scalar == "\u{2019}") && !word.isEmpty && !pendingApostrophe {
                pendingApostrophe = true
            } else {
                try flush(body)
            }
        }
        try flush(body)
    }

    private mutating func flush(_ body: (ByteSlice) throws -> Void) throws {
        pendingApostrophe = false
        guard !word.isEmpty else { return }
        try word.withUnsafeBytes { try body(ByteSlice($0)) }
        word.removeAll(keepingCapacity: true)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
