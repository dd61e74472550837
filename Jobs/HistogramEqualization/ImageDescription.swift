import ImageCodecs
import MapReduce

/// What the apply reduce needs to write an equalized image and its report lines without opening
/// the input: the input's description (geometry, layout, TIFF storage and metadata) and the mode
/// in effect.
///
/// Phase 2's maps send it with band 0 of each image (see ``BandPixels/description``); the input
/// file may exist only where the maps ran.
public struct ImageDescription: ShuffleValue, Sendable, Equatable {
    /// The input's geometry, layout and metadata, which a TIFF output reproduces.
    public var info: ImageInfo
    /// The mode in effect, for the report.
    public var mode: EqualizationMode

    /// Creates a description.
    public init(info: ImageInfo, mode: EqualizationMode) {
        self.info = info
        self.mode = mode
    }

    /// The description of an opened input.
    public init(_ source: ImageSource) {
        self.init(info: source.info, mode: source.plan.mode)
    }

    public func encode(into writer: inout ByteWriter) {
        info.format.rawValue.encode(into: &writer)
        mode.rawValue.encode(into: &writer)
        for count in [info.width, info.height, info.samplesPerPixel, info.bitsPerSample, info.orientation, info.pageCount] {
            writer.writeVarint(UInt64(count))
        }
        writer.writeVarint(UInt64(info.planarConfiguration.rawValue))
        writer.writeVarint(UInt64(info.colorModel.rawValue))
        info.extraSamples.map(\.rawValue).encode(into: &writer)
        writer.write(info.resolution == nil ? 0 : 1)
        if let resolution = info.resolution {
            writer.writeVarint(UInt64(resolution.unit))
            resolution.x.encode(into: &writer)
            resolution.y.encode(into: &writer)
        }
        Self.encode(info.iccProfile, into: &writer)
        writer.write(info.tiff == nil ? 0 : 1)
        if let tiff = info.tiff {
            writer.write(tiff.byteOrder == .bigEndian ? 1 : 0)
            writer.write(tiff.isBigTIFF ? 1 : 0)
            writer.writeVarint(UInt64(tiff.compression))
            writer.writeVarint(UInt64(tiff.predictor))
            for size in [tiff.rowsPerStrip, tiff.tileWidth, tiff.tileHeight] {
                writer.writeVarint(size.map { UInt64($0) + 1 } ?? 0)
            }
            Self.encode(tiff.xmp, into: &writer)
        }
    }

    public init(decoding reader: inout ByteReader) throws {
        let formatName = try String(decoding: &reader)
        let modeName = try String(decoding: &reader)
        guard let format = ImageFormat(rawValue: formatName), let mode = EqualizationMode(rawValue: modeName) else {
            throw DecodingError.malformed("an image description of a \(formatName) image in mode \(modeName)")
        }
        var counts: [Int] = []
        for _ in 0..<6 { counts.append(try Self.readCount(&reader)) }
        let planar = try ImageInfo.PlanarConfiguration(rawValue: UInt16(Self.readCount(&reader)))
        let colorModel = try ImageInfo.ColorModel(rawValue: UInt16(Self.readCount(&reader)))
        let extraSamples = try [UInt16](decoding: &reader).map(ImageInfo.ExtraSample.init(rawValue:))
        guard let planar, let colorModel, extraSamples.count <= counts[2], !extraSamples.contains(nil) else {
            throw DecodingError.malformed("an image description with an unknown layout")
        }
        var resolution: ImageInfo.Resolution?
        if try reader.readByte() != 0 {
            let unit = UInt16(truncatingIfNeeded: try reader.readVarint())
            resolution = ImageInfo.Resolution(x: try Double(decoding: &reader), y: try Double(decoding: &reader), unit: unit)
        }
        let iccProfile = try Self.decodeBytes(&reader)
        var tiff: ImageInfo.TIFFLayout?
        if try reader.readByte() != 0 {
            let byteOrder: ImageInfo.ByteOrder = try reader.readByte() != 0 ? .bigEndian : .littleEndian
            let isBigTIFF = try reader.readByte() != 0
            let compression = UInt16(truncatingIfNeeded: try reader.readVarint())
            let predictor = UInt16(truncatingIfNeeded: try reader.readVarint())
            var sizes: [Int?] = []
            for _ in 0..<3 {
                let size = try Self.readCount(&reader)
                sizes.append(size == 0 ? nil : size - 1)
            }
            tiff = ImageInfo.TIFFLayout(
                byteOrder: byteOrder, isBigTIFF: isBigTIFF, compression: compression, predictor: predictor,
                rowsPerStrip: sizes[0], tileWidth: sizes[1], tileHeight: sizes[2], xmp: try Self.decodeBytes(&reader))
        }
        info = ImageInfo(
            format: format, width: counts[0], height: counts[1], samplesPerPixel: counts[2], bitsPerSample: counts[3],
            planarConfiguration: planar, colorModel: colorModel, extraSamples: extraSamples.compactMap { $0 },
            orientation: counts[4], pageCount: counts[5], resolution: resolution, iccProfile: iccProfile, tiff: tiff)
        self.mode = mode
    }

    public var approximateByteCount: Int { 256 + (info.iccProfile?.count ?? 0) + (info.tiff?.xmp?.count ?? 0) }

    /// Writes optional bytes: a presence byte, then the bytes length-prefixed.
    private static func encode(_ bytes: [UInt8]?, into writer: inout ByteWriter) {
        writer.write(bytes == nil ? 0 : 1)
        bytes?.withUnsafeBytes { writer.writeLengthPrefixed($0) }
    }

    private static func decodeBytes(_ reader: inout ByteReader) throws -> [UInt8]? {
        guard try reader.readByte() != 0 else { return nil }
        return Array(try reader.readLengthPrefixed())
    }

    /// Reads a varint that must fit an `Int` dimension or count.
    private static func readCount(_ reader: inout ByteReader) throws -> Int {
        let value = try reader.readVarint()
        guard value <= UInt64(Int32.max) else { throw DecodingError.malformed("an image dimension of \(value)") }
        return Int(value)
    }
}
