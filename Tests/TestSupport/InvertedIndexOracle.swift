import Foundation

/// An independent inverted index of text files, as the MIT 6.5840 lab's `indexer` computes it:
/// for every maximal run of letters, the number of files containing it and their base names.
public enum InvertedIndexOracle {
    /// `word<TAB>count file1,file2,…` lines in byte order, files in byte order of their names.
    public static func index(of paths: [String]) throws -> [UInt8] {
        var files: [String: Set<String>] = [:]
        for path in paths {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            let name = (path as NSString).lastPathComponent
            for word in text.split(whereSeparator: { !$0.isLetter }) { files[String(word), default: []].insert(name) }
        }
        let lines = files.map { word, names in
            let sorted = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            return Data("\(word)\t\(sorted.count) \(sorted.joined(separator: ","))".utf8)
        }
        return Oracles.sortedLines(lines)
    }
}
