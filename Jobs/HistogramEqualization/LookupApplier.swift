/// Applies an image's lookup tables to a band in place, as its ``EqualizationPlan`` says.
public enum LookupApplier {
    /// Maps every pixel of `buffer` (all rows, padding included) through `tables`.
    public static func apply(_ buffer: UnsafeMutableRawBufferPointer, layout: SampleLayout, plan: EqualizationPlan,
                             tables: [[UInt16]]) {
        if layout.bytesPerSample == 2 {
            apply(UInt16.self, buffer, layout: layout, plan: plan, tables: tables)
        } else {
            apply(UInt8.self, buffer, layout: layout, plan: plan, tables: tables)
        }
    }

    private static func apply<Sample: FixedWidthInteger & UnsignedInteger>(
        _: Sample.Type, _ buffer: UnsafeMutableRawBufferPointer, layout: SampleLayout, plan: EqualizationPlan,
        tables: [[UInt16]]
    ) {
        let spp = layout.samplesPerPixel
        let samples = UnsafeMutableBufferPointer(
            start: buffer.baseAddress!.assumingMemoryBound(to: Sample.self), count: buffer.count / MemoryLayout<Sample>.size)
        let pixels = samples.count / spp * spp
        let maxValue = plan.maxValue
        switch plan.rule {
        case .channels(let channels):
            for (histogram, channel) in channels.enumerated() {
                tables[histogram].withUnsafeBufferPointer { table in
                    for index in stride(from: channel, to: pixels, by: spp) {
                        samples[index] = Sample(truncatingIfNeeded: table[Int(samples[index])])
                    }
                }
            }
        case .luma(let red):
            tables[0].withUnsafeBufferPointer { table in
                for index in stride(from: red, to: pixels, by: spp) {
                    let (r, g, b) = (Int(samples[index]), Int(samples[index + 1]), Int(samples[index + 2]))
                    let y = HistogramCounter.luma(r, g, b)
                    let shift = Int(table[y]) - y
                    samples[index] = Sample(truncatingIfNeeded: min(max(r + shift, 0), maxValue))
                    samples[index + 1] = Sample(truncatingIfNeeded: min(max(g + shift, 0), maxValue))
                    samples[index + 2] = Sample(truncatingIfNeeded: min(max(b + shift, 0), maxValue))
                }
            }
        case .grayFromRGB(let red):
            tables[0].withUnsafeBufferPointer { table in
                for index in stride(from: red, to: pixels, by: spp) {
                    let y = HistogramCounter.luma(Int(samples[index]), Int(samples[index + 1]), Int(samples[index + 2]))
                    let gray = Sample(truncatingIfNeeded: table[y])
                    samples[index] = gray
                    samples[index + 1] = gray
                    samples[index + 2] = gray
                }
            }
        }
    }
}
