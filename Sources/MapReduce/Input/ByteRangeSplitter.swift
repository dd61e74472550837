/// Cuts files into byte-range splits of a given size, the last of a file up to
/// ``TextInputFormat/splitSlop`` times that size: the splitting of the byte-counting formats.
enum ByteRangeSplitter {
    /// Splits of `size` bytes of each non-empty file, in order.
    static func splits(of files: [InputFile], size: Int64) -> [InputSplit] {
        var splits: [InputSplit] = []
        for file in files where file.size > 0 {
            var start: Int64 = 0
            while Double(file.size - start) / Double(size) > TextInputFormat.splitSlop {
                splits.append(InputSplit(path: file.path, start: start, length: size))
                start += size
            }
            splits.append(InputSplit(path: file.path, start: start, length: file.size - start))
        }
        return splits
    }
}
