import Foundation
import ImageCodecs
import TestSupport
import Testing

/// `mrsubmit histeq` as users run it: output naming, overwriting, directories and bad inputs.
struct HisteqCommandTests {
    /// The `mrsubmit` built beside the test bundle.
    static let executable: String = {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return directory.appendingPathComponent("mrsubmit").path
    }()

    func histeq(_ arguments: [String], in directory: TemporaryDirectory) throws -> ProcessOutput {
        try ProcessOutput.run(Self.executable, ["histeq", "--quiet"] + arguments, in: directory.path)
    }

    func names(_ directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func writesBesideTheInputAndRefusesToOverwrite() throws {
        let directory = try TemporaryDirectory("histeq-cli")
        try FileManager.default.copyItem(
            atPath: SharedData.images + "/low_contrast_lena.tiff",
            toPath: directory.file("lena.tiff")
        )
        let run = try histeq(["lena.tiff"], in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.text.contains("lena.tiff: TIFF 403×404") && run.text.contains("before: min")
                && run.text.contains("after:  min 0 max 255")
        )
        #expect(run.text.contains("Output: lena_equalized.tiff") && run.text.contains("succeeded in"))
        let info = try TIFFReader(path: directory.file("lena_equalized.tiff")).info
        let original = try TIFFReader(path: directory.file("lena.tiff")).info
        #expect(
            info.samplesPerPixel == 4 && info.extraSamples == original.extraSamples
                && info.iccProfile == original.iccProfile
        )
        #expect(info.resolution == original.resolution && info.tiff?.byteOrder == .bigEndian)
        let again = try histeq(["lena.tiff"], in: directory)
        #expect(again.status != 0 && again.standardError.contains("lena_equalized.tiff: output already exists"))
        #expect(try histeq(["lena.tiff", "--force"], in: directory).status == 0)
        let chosen = try histeq(["lena.tiff", "-o", "chosen.tif", "--mode", "channels"], in: directory)
        #expect(chosen.status == 0 && FileManager.default.fileExists(atPath: directory.file("chosen.tif")))
        #expect(try names(directory) == ["chosen.tif", "lena.tiff", "lena_equalized.tiff"])
    }

    @Test func aDirectoryEqualizesItsJPEGsAndTIFFsAndSkipsTheRest() throws {
        let directory = try TemporaryDirectory("histeq-dir")
        try FileManager.default.createDirectory(atPath: directory.file("images"), withIntermediateDirectories: true)
        for name in [
            "Unequalized_Hawkes_Bay_NZ.jpg", "Unequalized_Hawkes_Bay_NZ_equalized.jpg", "low_contrast_x-ray.tiff",
            "unequalized_dog.jpg",
        ] {
            try FileManager.default.copyItem(
                atPath: SharedData.images + "/" + name,
                toPath: directory.file("images/" + name)
            )
        }
        try FileManager.default.removeItem(atPath: directory.file("images/Unequalized_Hawkes_Bay_NZ_equalized.jpg"))
        try FileManager.default.copyItem(
            atPath: SharedData.images + "/Unequalized_Hawkes_Bay_NZ.jpg",
            toPath: directory.file("images/old_equalized.jpg")
        )
        let run = try histeq(["images/"], in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.text.contains("Skipped images/unequalized_dog.jpg: this is a PNG image; histeq reads JPEG and TIFF")
        )
        #expect(run.text.contains("Skipped images/old_equalized.jpg: an earlier output of histeq"))
        let listing = try FileManager.default.contentsOfDirectory(atPath: directory.file("images")).sorted()
        #expect(
            listing == [
                "Unequalized_Hawkes_Bay_NZ.jpg", "Unequalized_Hawkes_Bay_NZ_equalized.jpg", "low_contrast_x-ray.tiff",
                "low_contrast_x-ray_equalized.tiff", "old_equalized.jpg", "unequalized_dog.jpg",
            ]
        )
    }

    @Test func badInputsGiveOneLineAndLeaveNoOutput() throws {
        let directory = try TemporaryDirectory("histeq-bad")
        let hawkes = try FileBytes.read(path: SharedData.images + "/Unequalized_Hawkes_Bay_NZ.jpg")
        try directory.write("truncated.jpg", Array(hawkes.prefix(hawkes.count / 2)))
        var twelveBit = hawkes
        let sof = (0..<(twelveBit.count - 1)).first { twelveBit[$0] == 0xFF && twelveBit[$0 + 1] == 0xC0 }!
        twelveBit[sof + 4] = 12
        try directory.write("twelve.jpg", twelveBit)
        func resized(_ width: Int, _ height: Int) -> [UInt8] {
            var bytes = hawkes
            bytes.replaceSubrange(
                (sof + 5)..<(sof + 9),
                with: [height >> 8, height & 0xFF, width >> 8, width & 0xFF].map(UInt8.init)
            )
            return bytes
        }
        try directory.write("bomb.jpg", resized(30000, 30000))
        try directory.write("stretched.jpg", resized(660, 440))
        let lena = try FileBytes.read(path: SharedData.images + "/low_contrast_lena.tiff")
        try directory.write("corrupt.tiff", Array(lena.prefix(8)) + [UInt8](repeating: 0xA5, count: 4000))
        try directory.write("empty.jpg", [])
        try directory.write("float.tif", TinyTIFF.bytes(bitsPerSample: 32, sampleFormat: 3, photometric: 1))
        try directory.write("palette.tif", TinyTIFF.bytes(bitsPerSample: 8, sampleFormat: 1, photometric: 3))
        try FileManager.default.copyItem(
            atPath: SharedData.images + "/unequalized_dog.jpg",
            toPath: directory.file("unequalized_dog.jpg")
        )
        try FileManager.default.copyItem(
            atPath: SharedData.images + "/low_contrast_lena.tiff",
            toPath: directory.file("lena.tiff")
        )
        let before = try names(directory)
        let cases: [([String], String)] = [
            (["truncated.jpg"], "truncated.jpg: truncated JPEG"),
            (["twelve.jpg"], "twelve.jpg: 12-bit JPEG is not supported"),
            (["bomb.jpg"], "bomb.jpg: corrupt JPEG: 30000×30000 pixels cannot be coded in "),
            (["stretched.jpg"], "stretched.jpg: decoding failed: Corrupt JPEG data: premature end of data segment"),
            (["corrupt.tiff"], "corrupt.tiff: corrupt TIFF"),
            (["empty.jpg"], "empty.jpg"),
            (["float.tif"], "float.tif: floating-point TIFF samples are not supported"),
            (["palette.tif"], "palette.tif: palette (indexed-colour) TIFF is not supported"),
            (["unequalized_dog.jpg"], "unequalized_dog.jpg: this is a PNG image; histeq reads JPEG and TIFF"),
            (["missing.tif"], "missing.tif: no such file or directory"),
            (
                ["lena.tiff", "--pixel-limit", "1000"],
                "lena.tiff: 403×404 = 162.8 kilopixels exceeds the 1 kilopixel limit"
            ),
            (["lena.tiff", "--mode", "sepia"], "--mode sepia: expected one of luma, channels, gray"),
        ]
        for (arguments, message) in cases {
            let run = try histeq(arguments, in: directory)
            let lines = run.standardError.split(separator: "\n")
            #expect(run.status != 0, "\(arguments)")
            #expect(lines.count == 1 && lines[0].contains(message), "\(arguments): \(run.standardError)")
            #expect(try names(directory) == before, "\(arguments) left files behind")
        }
        let truncated = try histeq(["truncated.jpg"], in: directory)
        #expect(truncated.standardError.contains("task_"), "a decoding failure names its task")
    }

    @Test func everySharedImageIsEqualizedOrRefusedWithAReason() throws {
        let directory = try TemporaryDirectory("histeq-shared")
        let root = SharedData.images
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { !$0.hasSuffix("extra") }.sorted()
        #expect(files.count == 12)
        for (index, name) in files.enumerated() {
            let run = try histeq(
                [root + "/" + name, "-o", "out\(index)" + (name.lowercased().hasSuffix("jpg") ? ".jpg" : ".tif")],
                in: directory
            )
            if name == "unequalized_dog.jpg" {
                #expect(
                    run.status != 0
                        && run.standardError
                            == "mrsubmit histeq: unequalized_dog.jpg: this is a PNG image; histeq reads JPEG and TIFF\n"
                )
            } else {
                #expect(run.status == 0, "\(name): \(run.standardError)")
                #expect(run.text.contains("after:  min 0 max"), "\(name)")
            }
        }
    }
}
