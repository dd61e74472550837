/// Counts the histograms an ``EqualizationPlan`` asks for over the image pixels of a band.
public enum HistogramCounter {
    /// The Y of full-range YCbCr (BT.601 weights 0.299, 0.587, 0.114) in 16-bit fixed point,
    /// rounded to nearest, for 8- and 16-bit samples alike.
    @inlinable public static func luma(_ red: Int, _ green: Int, _ blue: Int) -> Int {
        (19_595 &* red &+ 38_470 &* green &+ 7_471 &* blue &+ 32_768) >> 16
    }

    /// The histograms of `rows` rows of `buffer`, concatenated: `plan.histogramCount × plan.bins` counts.
    public static func count(_ buffer: UnsafeRawBufferPointer, layout: SampleLayout, rows: Int,
                             plan: EqualizationPlan) -> [UInt64] {
        var histogram = [UInt64](repeating: 0, count: plan.histogramCount * plan.bins)
        add(buffer, layout: layout, rows: rows, plan: plan, to: &histogram)
        return histogram
    }

    /// Adds the counts of `rows` rows of `buffer` to `histogram` (`plan.histogramCount × plan.bins`
    /// counts), for pixels that come a few rows at a time.
    public static func add(_ buffer: UnsafeRawBufferPointer, layout: SampleLayout, rows: Int,
                           plan: EqualizationPlan, to histogram: inout [UInt64]) {
        precondition(histogram.count == plan.histogramCount * plan.bins, "a histogram of the plan's size")
        histogram.withUnsafeMutableBufferPointer { bins in
            if layout.bytesPerSample == 2 {
                count(UInt16.self, buffer, layout: layout, rows: rows, plan: plan, into: bins)
            } else {
                count(UInt8.self, buffer, layout: layout, rows: rows, plan: plan, into: bins)
            }
        }
    }

    private static func count<Sample: FixedWidthInteger & UnsignedInteger>(
        _: Sample.Type, _ buffer: UnsafeRawBufferPointer, layout: SampleLayout, rows: Int, plan: EqualizationPlan,
        into bins: UnsafeMutableBufferPointer<UInt64>
    ) {
        let spp = layout.samplesPerPixel
        let binCount = plan.bins
        if Sample.self == UInt8.self {
            switch plan.rule {
            case .channels where spp == 1:
                countBytes(buffer, layout: layout, rows: rows, into: bins)
                return
            case .luma(let red), .grayFromRGB(let red):
                countLumaBytes(buffer, layout: layout, rows: rows, red: red, into: bins)
                return
            case .channels:
                break
            }
        }
        for row in 0..<rows {
            let start = buffer.baseAddress! + row * layout.stride
            let samples = UnsafeBufferPointer(start: start.assumingMemoryBound(to: Sample.self), count: layout.width * spp)
            switch plan.rule {
            case .channels(let channels):
                if spp == 1 {
                    for sample in samples { bins[Int(sample)] &+= 1 }
                } else {
                    for (histogram, channel) in channels.enumerated() {
                        let base = histogram * binCount
                        for pixel in stride(from: channel, to: samples.count, by: spp) {
                            bins[base + Int(samples[pixel])] &+= 1
                        }
                    }
                }
            case .luma(let red), .grayFromRGB(let red):
                for pixel in stride(from: red, to: samples.count, by: spp) {
                    bins[luma(Int(samples[pixel]), Int(samples[pixel + 1]), Int(samples[pixel + 2]))] &+= 1
                }
            }
        }
    }

    /// Counts 8-bit samples into four interleaved sets of bins, so that runs of equal values do
    /// not wait on one counter, then adds them up.
    private static func countBytes(
        _ buffer: UnsafeRawBufferPointer, layout: SampleLayout, rows: Int, into bins: UnsafeMutableBufferPointer<UInt64>
    ) {
        guard let start = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var partial = [UInt64](repeating: 0, count: 4 * 256)
        partial.withUnsafeMutableBufferPointer { counts in
            let c = counts.baseAddress!
            let (width, lines) = layout.stride == layout.width ? (layout.width * rows, 1) : (layout.width, rows)
            for line in 0..<lines {
                let base = start + line * layout.stride
                var index = 0
                while index + 4 <= width {
                    c[Int(base[index])] &+= 1
                    c[256 + Int(base[index + 1])] &+= 1
                    c[512 + Int(base[index + 2])] &+= 1
                    c[768 + Int(base[index + 3])] &+= 1
                    index += 4
                }
                while index < width {
                    c[Int(base[index])] &+= 1
                    index += 1
                }
            }
            for value in 0..<256 {
                bins[value] &+= c[value] &+ c[256 + value] &+ c[512 + value] &+ c[768 + value]
            }
        }
    }

    /// Counts the Y of 8-bit RGB samples (``luma(_:_:_:)``) through raw pointers.
    private static func countLumaBytes(
        _ buffer: UnsafeRawBufferPointer, layout: SampleLayout, rows: Int, red: Int,
        into bins: UnsafeMutableBufferPointer<UInt64>
    ) {
        guard let start = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let counts = bins.baseAddress!
        let spp = layout.samplesPerPixel
        for row in 0..<rows {
            var pixel = start + row * layout.stride + red
            for _ in 0..<layout.width {
                let (r, g, b) = (Int32(pixel[0]), Int32(pixel[1]), Int32(pixel[2]))
                counts[Int((19_595 &* r &+ 38_470 &* g &+ 7_471 &* b &+ 32_768) >> 16)] &+= 1
                pixel += spp
            }
        }
    }
}
