import ImageCodecs
import MapReduce

/// The job's parameters, checked once when the job is created and shared by its formats.
public struct HistogramSettings: Sendable, Equatable {
    /// How bands are cut.
    public enum Banding: Sendable, Equatable {
        /// About this many bands per image (`--bands`).
        case count(Int)
        /// Bands of this many rows (`--rows-per-band`).
        case rows(Int)
        /// Bands of about this many decoded bytes (the default, 24 MiB).
        case bytes(Int)
    }

    /// The mode asked for, or nil for the default: luma, or channels for colour models without a luma.
    public var mode: EqualizationMode?
    /// How images are cut into bands.
    public var banding: Banding
    /// The JPEG quality of JPEG outputs, 1–100.
    public var quality: Int
    /// The largest image accepted, checked before any pixel buffer is allocated.
    public var pixelLimit: PixelLimit
    /// Whether to attach preview images and histograms to the output (``ResultArtifact``).
    public var writesArtifacts: Bool

    /// The parameter names, as `-D` sets them.
    public enum Parameter {
        public static let mode = "histeq.mode"
        public static let bands = "histeq.bands"
        public static let rowsPerBand = "histeq.rows-per-band"
        public static let quality = "histeq.quality"
        public static let pixelLimit = "histeq.pixel-limit"
    }

    /// The default band size in decoded bytes: each band is a map task in each phase, whose
    /// process start and output file cost about as much as moving 10 MiB, so bands of 8 MiB
    /// spent more on tasks than on pixels; below 32 MiB, glibc reuses freed band buffers
    /// instead of mapping fresh, zeroed pages for every one.
    public static let defaultBandBytes = 24 << 20

    /// Reads and checks the parameters.
    ///
    /// - Throws: ``JobParameterError`` for an unknown mode or a value out of range.
    public init(parameters: JobParameters) throws {
        if let text = parameters[Parameter.mode] {
            guard let mode = EqualizationMode(rawValue: text.lowercased()) else {
                let names = EqualizationMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw JobParameterError(message: "--mode \(text): expected one of \(names)")
            }
            self.mode = mode
        }
        let bands = try parameters.int(Parameter.bands, default: 0)
        let rows = try parameters.int(Parameter.rowsPerBand, default: 0)
        guard bands >= 0, rows >= 0 else { throw JobParameterError(message: "--bands and --rows-per-band must be positive") }
        guard bands == 0 || rows == 0 else { throw JobParameterError(message: "give --bands or --rows-per-band, not both") }
        banding = bands > 0 ? .count(bands) : rows > 0 ? .rows(rows) : .bytes(Self.defaultBandBytes)
        quality = try parameters.int(Parameter.quality, default: 95)
        guard (1...100).contains(quality) else { throw JobParameterError(message: "--quality \(quality): expected 1–100") }
        let limit = try parameters.int(Parameter.pixelLimit, default: PixelLimit.default.maxPixels)
        guard limit > 0 else { throw JobParameterError(message: "--pixel-limit \(limit): expected a positive pixel count") }
        pixelLimit = PixelLimit(maxPixels: limit)
        writesArtifacts = try ResultArtifact.areRequested(by: parameters)
    }
}
