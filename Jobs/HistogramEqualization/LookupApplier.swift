/// Applies an image's lookup tables to a band in place, as its ``EqualizationPlan`` says.
public enum LookupApplier {
    /// Maps every pixel of `buffer` (all rows, padding included) through `tables`.
    public static func apply(_ buffer: UnsafeMutableRawBufferPointer, layout: SampleLayout, plan: EqualizationPlan,
                             tables: [[UInt16]]) {
        if layout.bytesPerSample == 2 {
            apply(UInt16.self, buffer, layout: layout, plan: plan, tables: tables)
        } else {
            switch plan.rule {
            case .channels(let channels):
                applyBytes(buffer, samplesPerPixel: layout.samplesPerPixel, channels: channels, tables: tables)
            case .luma(let red):
                applyLumaBytes(buffer, samplesPerPixel: layout.samplesPerPixel, red: red, table: tables[0], setsGray: false)
            case .grayFromRGB(let red):
                applyLumaBytes(buffer, samplesPerPixel: layout.samplesPerPixel, red: red, table: tables[0], setsGray: true)
            }
        }
    }

    /// The luma and gray rules on 8-bit samples, through raw pointers: each pixel's Y (as
    /// ``HistogramCounter/luma(_:_:_:)`` computes it), then R, G and B each moved by
    /// lut[Y] − Y and clamped, or (`setsGray`) all set to lut[Y].
    private static func applyLumaBytes(
        _ buffer: UnsafeMutableRawBufferPointer, samplesPerPixel spp: Int, red: Int, table: [UInt16], setsGray: Bool
    ) {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let pixels = buffer.count / spp
        let results = table.map { UInt8(truncatingIfNeeded: $0) }
        let shifts = (0..<256).map { Int32(table[$0]) - Int32($0) }
        results.withUnsafeBufferPointer { results in
            shifts.withUnsafeBufferPointer { shifts in
                var pixel = base + red
                for _ in 0..<pixels {
                    let (r, g, b) = (Int32(pixel[0]), Int32(pixel[1]), Int32(pixel[2]))
                    let y = Int((19_595 &* r &+ 38_470 &* g &+ 7_471 &* b &+ 32_768) >> 16)
                    if setsGray {
                        let gray = results[y]
                        (pixel[0], pixel[1], pixel[2]) = (gray, gray, gray)
                    } else {
                        let shift = shifts[y]
                        pixel[0] = UInt8(truncatingIfNeeded: min(max(r &+ shift, 0), 255))
                        pixel[1] = UInt8(truncatingIfNeeded: min(max(g &+ shift, 0), 255))
                        pixel[2] = UInt8(truncatingIfNeeded: min(max(b &+ shift, 0), 255))
                    }
                    pixel += spp
                }
            }
        }
    }

    /// The channels rule on 8-bit samples, through 8-bit tables and raw pointers; a gray band
    /// (the common case: gray images, a JPEG's Y plane) is mapped eight samples per iteration.
    private static func applyBytes(
        _ buffer: UnsafeMutableRawBufferPointer, samplesPerPixel spp: Int, channels: [Int], tables: [[UInt16]]
    ) {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let pixels = buffer.count / spp
        for (histogram, channel) in channels.enumerated() {
            let bytes = tables[histogram].map { UInt8(truncatingIfNeeded: $0) }
            bytes.withUnsafeBufferPointer { table in
                let lookup = table.baseAddress!
                if spp == 1 {
                    var index = 0
                    while index + 8 <= pixels {
                        let p = base + index
                        (p[0], p[1], p[2], p[3]) = (lookup[Int(p[0])], lookup[Int(p[1])], lookup[Int(p[2])], lookup[Int(p[3])])
                        (p[4], p[5], p[6], p[7]) = (lookup[Int(p[4])], lookup[Int(p[5])], lookup[Int(p[6])], lookup[Int(p[7])])
                        index += 8
                    }
                    while index < pixels {
                        base[index] = lookup[Int(base[index])]
                        index += 1
                    }
                } else {
                    var sample = base + channel
                    for _ in 0..<pixels {
                        sample.pointee = lookup[Int(sample.pointee)]
                        sample += spp
                    }
                }
            }
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
