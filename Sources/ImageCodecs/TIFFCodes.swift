/// Typed TIFF tag numbers and code values used by the reader and writer.
///
/// libtiff's header defines these as C macros, some spanning several lines,
/// which Swift imports as `Int32` or not at all; this table gives them the
/// `UInt32` (tags) and `UInt16` (values) types the libtiff calls take.
enum TIFFCodes {
    static let imageWidth: UInt32 = 256
    static let imageLength: UInt32 = 257
    static let bitsPerSample: UInt32 = 258
    static let compression: UInt32 = 259
    static let photometric: UInt32 = 262
    static let orientation: UInt32 = 274
    static let samplesPerPixel: UInt32 = 277
    static let rowsPerStrip: UInt32 = 278
    static let xResolution: UInt32 = 282
    static let yResolution: UInt32 = 283
    static let planarConfig: UInt32 = 284
    static let resolutionUnit: UInt32 = 296
    static let predictor: UInt32 = 317
    static let tileWidth: UInt32 = 322
    static let tileLength: UInt32 = 323
    static let extraSamples: UInt32 = 338
    static let sampleFormat: UInt32 = 339
    static let xmlPacket: UInt32 = 700
    static let iccProfile: UInt32 = 34675
    /// libtiff pseudo-tag: let the JPEG codec convert YCbCr to RGB.
    static let jpegColorMode: UInt32 = 65538

    static let compressionNone: UInt16 = 1
    static let compressionLZW: UInt16 = 5
    static let compressionJPEG: UInt16 = 7
    static let compressionAdobeDeflate: UInt16 = 8
    static let compressionPackBits: UInt16 = 32773
    static let compressionDeflate: UInt16 = 32946
    static let compressionLZMA: UInt16 = 34925
    static let compressionZSTD: UInt16 = 50000

    /// Lossless codecs whose TIFF tags libtiff can also write.
    static let losslessWritable: Set<UInt16> = [
        compressionNone, compressionLZW, compressionAdobeDeflate, compressionPackBits,
        compressionDeflate, compressionLZMA, compressionZSTD,
    ]
    /// Codecs that carry a Predictor tag.
    static let predictorCodecs: Set<UInt16> = [
        compressionLZW, compressionAdobeDeflate, compressionDeflate, compressionLZMA, compressionZSTD,
    ]

    static let photometricPalette: UInt16 = 3
    static let photometricYCbCr: UInt16 = 6
    static let sampleFormatUInt: UInt16 = 1
    static let sampleFormatInt: UInt16 = 2
    static let sampleFormatFloat: UInt16 = 3
    static let sampleFormatVoid: UInt16 = 4
    static let jpegColorModeRGB: Int32 = 1

    /// A readable name for a PhotometricInterpretation code.
    static func photometricName(_ code: UInt16) -> String {
        switch code {
        case 4: "transparency mask"
        case 8, 9, 10: "CIE L*a*b*"
        case 32803: "colour filter array (raw sensor)"
        case 32844, 32845: "LogL/LogLuv"
        default: "code \(code)"
        }
    }
}
