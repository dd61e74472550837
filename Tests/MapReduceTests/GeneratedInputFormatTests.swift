import MapReduce
import Testing

/// Generated input: row ranges that need no files.
struct GeneratedInputFormatTests {
    @Test func rowsAreCutIntoEvenConsecutiveSplits() throws {
        let format = GeneratedInputFormat(rows: 10, splits: 3)
        let splits = try format.splits(of: [], splitSize: 1 << 20)
        #expect(splits.map(\.start) == [0, 4, 7])
        #expect(splits.map(\.length) == [4, 3, 3])
        #expect(splits.allSatisfy { $0.isGenerated })
        #expect(!format.readsFiles)
        var rows: [Int64] = []
        for split in splits { #expect(try format.read(split) { rows.append($0) } == 0) }
        #expect(rows == Array(0..<10))
    }

    @Test func fewerRowsThanSplitsGiveOneRowEachAndNoRowsNoSplits() throws {
        #expect(try GeneratedInputFormat(rows: 2, splits: 5).splits(of: [], splitSize: 1).map(\.length) == [1, 1])
        #expect(try GeneratedInputFormat(rows: 0, splits: 5).splits(of: [], splitSize: 1).isEmpty)
    }
}
