import Foundation
import HistogramEqualization
import ImageCodecs
import MapReduce
import MapReduceEngine
import TestSupport

/// Generated images, in-process job runs and the independent oracle of the equalization rule.
enum HisteqFixtures {
    /// A TIFF layout to generate.
    struct Layout: CustomStringConvertible {
        var bits: Int
        var samples: Int
        var separate: Bool
        var tiled: Bool

        var description: String {
            "\(bits)-bit × \(samples) \(separate ? "separate" : "contiguous") \(tiled ? "tiles" : "strips")"
        }

        /// Gray, gray + alpha, RGB, RGBA.
        var colorModel: ImageInfo.ColorModel { samples >= 3 ? .rgb : .minIsBlack }
        var extraSamples: [ImageInfo.ExtraSample] { samples == 2 || samples == 4 ? [.unassociatedAlpha] : [] }
        var colorSamples: Int { samples >= 3 ? 3 : 1 }
    }

    /// Every layout the tests cover: 8/16-bit, 1–4 samples, contiguous/separate, strips/tiles.
    static let allLayouts: [Layout] = [8, 16].flatMap { bits in
        (1...4).flatMap { samples in
            (samples == 1 ? [false] : [false, true]).flatMap { separate in
                [false, true].map { Layout(bits: bits, samples: samples, separate: separate, tiled: $0) }
            }
        }
    }

    /// Deterministic low-contrast samples: colour samples in a narrow band, alpha varied.
    static func samples(width: Int, height: Int, layout: Layout, seed: UInt64) -> [Int] {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1
        let maxValue = (1 << layout.bits) - 1
        let low = maxValue / 3
        let span = maxValue / 5
        return (0..<(width * height * layout.samples)).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Int(state >> 33)
            let sample = index % layout.samples
            if sample >= layout.colorSamples { return noise % (maxValue + 1) }
            let pixel = index / layout.samples
            let ramp = (pixel % width) * span / width
            return low + (ramp + noise % (span / 4 + 1)) % span + sample * (span / 8)
        }
    }

    /// Writes a TIFF of `values` (interleaved, one Int per sample) and returns its path.
    @discardableResult
    static func writeTIFF(
        _ values: [Int],
        width: Int,
        height: Int,
        layout: Layout,
        to path: String,
        colorModel: ImageInfo.ColorModel? = nil
    ) throws -> String {
        let info = ImageInfo(
            format: .tiff,
            width: width,
            height: height,
            samplesPerPixel: layout.samples,
            bitsPerSample: layout.bits,
            planarConfiguration: layout.separate ? .separate : .contiguous,
            colorModel: colorModel ?? layout.colorModel,
            extraSamples: layout.extraSamples,
            tiff: ImageInfo.TIFFLayout(
                byteOrder: .bigEndian,
                compression: layout.tiled ? 8 : 1,
                rowsPerStrip: layout.tiled ? nil : 5,
                tileWidth: layout.tiled ? 16 : nil,
                tileHeight: layout.tiled ? 16 : nil
            )
        )
        let writer = try TIFFWriter(path: path, info: info)
        if layout.bits == 16 {
            try writer.append(rows16: values.map { UInt16($0) })
        } else {
            try writer.append(rows: values.map { UInt8($0) })
        }
        try writer.finish()
        return path
    }

    /// The samples of a TIFF as Ints, with its description.
    static func readTIFF(_ path: String) throws -> (info: ImageInfo, values: [Int]) {
        let reader = try TIFFReader(path: path)
        if reader.info.bitsPerSample == 16 {
            return (reader.info, try reader.readRows16(0..<reader.info.height).map(Int.init))
        }
        return (reader.info, try reader.readImage().map(Int.init))
    }

    /// Runs the job in this process on `inputs` and returns the path of each input's output file.
    static func run(
        _ inputs: [String],
        in directory: TemporaryDirectory,
        parameters: [String: String] = [:],
        name: String = "out"
    ) throws -> [String] {
        let job = try HistogramEqualizationJob(parameters: JobParameters(parameters))
        let output = directory.file(name)
        let configuration = JobConfiguration(
            inputs: inputs,
            outputPath: output,
            parameters: JobParameters(parameters),
            slots: 2,
            workDirectory: directory.path
        )
        _ = try LocalJobRunner(configuration: configuration).run(job, id: JobID(cluster: "1", sequence: 1))
        return inputs.map { output + "/" + PerInputOutputNaming.stagedName(forInput: $0) }
    }

    /// OpenCV's `equalizeHist` rule, written out independently of the job: a table from the
    /// values of one channel with `levels` possible values.
    static func oracleTable(_ values: [Int], levels: Int) -> [Int] {
        var histogram = [Int](repeating: 0, count: levels)
        for value in values { histogram[value] += 1 }
        guard let first = histogram.firstIndex(where: { $0 > 0 }), histogram[first] < values.count else {
            return Array(0..<levels)
        }
        let scale = Float(levels - 1) / Float(values.count - histogram[first])
        var table = [Int](repeating: 0, count: levels)
        var cdf = 0
        for value in 0..<levels {
            cdf += histogram[value]
            guard value > first else { continue }
            table[value] = Int((Float(cdf - histogram[first]) * scale).rounded(.toNearestOrEven))
        }
        return table
    }

    /// Y as `docs/histeq.md` defines it: BT.601 weights in 16-bit fixed point, rounded to nearest.
    static func luma(_ r: Int, _ g: Int, _ b: Int) -> Int {
        (19_595 * r + 38_470 * g + 7_471 * b + 32_768) / 65_536
    }

    /// The expected output of `values` (interleaved) in `mode`, computed pixel by pixel.
    static func expected(_ values: [Int], layout: Layout, mode: EqualizationMode) -> [Int] {
        let levels = 1 << layout.bits
        let spp = layout.samples
        let pixels = values.count / spp
        var output = values
        if layout.colorSamples == 1 || mode == .channels {
            for channel in 0..<layout.colorSamples {
                let channelValues = (0..<pixels).map { values[$0 * spp + channel] }
                let table = oracleTable(channelValues, levels: levels)
                for pixel in 0..<pixels { output[pixel * spp + channel] = table[values[pixel * spp + channel]] }
            }
            return output
        }
        let lumas = (0..<pixels).map { luma(values[$0 * spp], values[$0 * spp + 1], values[$0 * spp + 2]) }
        let table = oracleTable(lumas, levels: levels)
        for pixel in 0..<pixels {
            for channel in 0..<3 {
                let value =
                    mode == .gray
                    ? table[lumas[pixel]] : values[pixel * spp + channel] + table[lumas[pixel]] - lumas[pixel]
                output[pixel * spp + channel] = min(max(value, 0), levels - 1)
            }
        }
        return output
    }
}
