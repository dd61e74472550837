import HistogramEqualization
import ImageCodecs
import MapReduce
import TestSupport
import Testing

/// The histogram phase counts several apply bands per map task: its splits are even runs of
/// consecutive bands that cover the image once, and each reads back as the rows it names.
struct SplitGroupingTests {
    @Test func runsOfBandsCoverTheImageOnceAndReadBack() throws {
        let path = SharedData.images + "/low_contrast_x-ray.tiff"
        let settings = try HistogramSettings(parameters: JobParameters(["histeq.bands": "7"]))
        let bands = try ImageBandInputFormat(settings: settings).splits(
            of: [InputFile(path: path, size: 0)],
            splitSize: 1
        )
        let height = try TIFFReader(path: path).info.height
        for perSplit in [1, 3, 7, 20] {
            let format = ImageBandInputFormat(settings: settings, bandsPerSplit: perSplit)
            let splits = try format.splits(of: [InputFile(path: path, size: 0)], splitSize: 1)
            #expect(splits.count == (bands.count + perSplit - 1) / perSplit, "\(perSplit) bands per split")
            #expect(splits.first?.start == 0 && splits.last?.end == Int64(height))
            #expect(zip(splits, splits.dropFirst()).allSatisfy { $0.end == $1.start })
            let sizes = splits.map { split in bands.filter { $0.start >= split.start && $0.end <= split.end }.count }
            #expect(sizes.max()! <= perSplit && sizes.max()! - sizes.min()! <= 1, "\(sizes)")
            for split in splits {
                var rows: [Range<Int>] = []
                _ = try format.read(split) { band in
                    if case .tiff(_, let range) = band.takePixels() { rows.append(range) }
                }
                #expect(rows == [Int(split.start)..<Int(split.end)])
            }
        }
        let format = ImageBandInputFormat(settings: settings, bandsPerSplit: 3)
        for wrong in [
            InputSplit(path: path, start: bands[0].start + 1, length: bands[0].length),
            InputSplit(path: path, start: 0, length: bands[0].length + 1),
            InputSplit(path: path, start: 0, length: Int64(height)),
        ] {
            #expect(throws: ImageCodecError.self, "rows \(wrong.start)..<\(wrong.end)") {
                _ = try format.read(wrong) { _ in }
            }
        }
    }
}
