import Foundation
import HistogramEqualization
import ImageCodecs
import MapReduce
import TestSupport
import Testing

/// A map task that reads a tracker's local copy of an image names the image by the job's path,
/// in its records and in its errors.
struct LocalCopyTests {
    @Test func aTrackersCopyIsReadButTheImageKeepsItsPath() throws {
        let directory = try TemporaryDirectory("histeq-local-copy")
        let copy = directory.file("0123abcd")
        try FileManager.default.copyItem(atPath: SharedData.images + "/low_contrast_x-ray.tiff", toPath: copy)
        let format = ImageBandInputFormat(
            settings: try HistogramSettings(parameters: JobParameters(["histeq.bands": "2"]))
        )
        let split = try format.splits(of: [InputFile(path: copy, size: 0)], splitSize: 1)[0]
        let logical = "/staging/job_1/input-0/x-ray.tiff"
        var paths: [String] = []
        _ = try format.read(InputSplit(path: logical, start: split.start, length: split.length, localPath: copy)) {
            paths.append($0.source.path)
        }
        #expect(paths == [logical])
        let broken = directory.file("4567ef01")
        try Data(try Data(contentsOf: URL(fileURLWithPath: copy)).prefix(64)).write(to: URL(fileURLWithPath: broken))
        #expect {
            _ = try format.read(InputSplit(path: logical, start: split.start, length: split.length, localPath: broken))
            { _ in }
        } throws: { error in
            (error as? ImageCodecError)?.file == "x-ray.tiff"
        }
    }
}
