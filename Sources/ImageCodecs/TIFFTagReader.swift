import CTIFF

/// Typed reads of the current directory's tags from an open libtiff handle.
///
/// Each accessor returns nil when the tag is absent and has no libtiff
/// default. Blob values are copied out, because libtiff owns the memory it
/// returns and frees it when the directory changes or the file closes.
struct TIFFTagReader {
    /// The open handle whose current directory is read.
    let tif: OpaquePointer

    /// A SHORT tag, or libtiff's default for it.
    func u16(_ tag: UInt32) -> UInt16? {
        var value: UInt16 = 0
        return ctiff_get_u16(tif, tag, &value) == 1 ? value : nil
    }

    /// A LONG (or SHORT) tag such as ImageWidth or RowsPerStrip.
    func u32(_ tag: UInt32) -> UInt32? {
        var value: UInt32 = 0
        return ctiff_get_u32(tif, tag, &value) == 1 ? value : nil
    }

    /// A RATIONAL tag read as float, such as XResolution.
    func float(_ tag: UInt32) -> Float? {
        var value: Float = 0
        return ctiff_get_float(tif, tag, &value) == 1 ? value : nil
    }

    /// A counted byte blob such as ICCProfile or XMLPacket, copied.
    func blob(_ tag: UInt32) -> [UInt8]? {
        var count: UInt32 = 0
        var data: UnsafeMutableRawPointer?
        guard ctiff_get_blob(tif, tag, &count, &data) == 1, let data, count > 0 else { return nil }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(count)))
    }

    /// The ExtraSamples list, at most `samples` entries; unknown codes map
    /// to ``ImageInfo/ExtraSample/unspecified``.
    func extraSamples(limit samples: Int) -> [ImageInfo.ExtraSample] {
        var count: UInt16 = 0
        var values: UnsafeMutablePointer<UInt16>?
        guard ctiff_get_u16_array(tif, TIFFCodes.extraSamples, &count, &values) == 1, let values else {
            return []
        }
        return (0..<min(Int(count), samples)).map { ImageInfo.ExtraSample(rawValue: values[$0]) ?? .unspecified }
    }

    /// XResolution, YResolution and ResolutionUnit, when both resolutions are set.
    func resolution() -> ImageInfo.Resolution? {
        guard let x = float(TIFFCodes.xResolution), let y = float(TIFFCodes.yResolution) else { return nil }
        return ImageInfo.Resolution(x: Double(x), y: Double(y), unit: u16(TIFFCodes.resolutionUnit) ?? 2)
    }

    /// The storage layout: byte order, compression, predictor, strips or tiles, XMP.
    func layout(compression: UInt16, height: UInt32) -> ImageInfo.TIFFLayout {
        let tiled = TIFFIsTiled(tif) != 0
        return ImageInfo.TIFFLayout(
            byteOrder: TIFFIsBigEndian(tif) != 0 ? .bigEndian : .littleEndian,
            isBigTIFF: TIFFIsBigTIFF(tif) != 0,
            compression: compression,
            predictor: TIFFCodes.predictorCodecs.contains(compression) ? (u16(TIFFCodes.predictor) ?? 1) : 1,
            rowsPerStrip: tiled ? nil : Int(min(u32(TIFFCodes.rowsPerStrip) ?? height, height)),
            tileWidth: tiled ? u32(TIFFCodes.tileWidth).map(Int.init) : nil,
            tileHeight: tiled ? u32(TIFFCodes.tileLength).map(Int.init) : nil,
            xmp: blob(TIFFCodes.xmlPacket)
        )
    }
}
