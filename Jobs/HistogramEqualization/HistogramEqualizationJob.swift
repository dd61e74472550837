import ImageCodecs
import MapReduce

/// Histogram equalization of JPEG and TIFF images, as two phases.
///
/// Phase 1 (`histogram`): each map task counts the histograms of one band of an image; the
/// combiner adds them up; one reduce sums each image's histograms and builds its lookup tables
/// (OpenCV's `equalizeHist` rule), broadcast with their before/after spreads. Phase 2 (`apply`):
/// each map task maps its band through the tables and emits it keyed by (image, band index);
/// one reduce receives every image's bands in order and writes the image band by band beside
/// its input, as `<name>_equalized.<ext>`. Only map tasks open images: the histograms carry
/// their image's plan and band 0 its description, so the reduces can run on any tracker.
/// Asked for artifacts (`mapreduce.artifacts=true`, as the web console asks), the job also
/// attaches each image's previews before and after and its histograms (``ImageArtifacts``).
/// `docs/histeq.md` has the semantics.
public struct HistogramEqualizationJob: FilePerInputJob {
    public static let name = "histeq"
    public static let summary = "Equalizes the histograms of JPEG and TIFF images (writes <name>_equalized.<ext>)"
    public static let resultSummary = ResultSummary.report(fileNamePrefix: EqualizedImageOutputFormat.reportPrefix)
    public static let outputNaming = PerInputOutputNaming(suffix: "_equalized")

    public static var options: [JobOption] {
        typealias Parameter = HistogramSettings.Parameter
        return [
            JobOption(name: "mode", parameter: Parameter.mode, valueName: "mode",
                      help: "luma (default: Y of YCbCr, chroma kept), channels (R, G, B each) or gray"),
            JobOption(name: "bands", parameter: Parameter.bands, valueName: "n",
                      help: "Cut each image into about n row bands (default: TIFF bands of about 24 MiB; a JPEG is one band)"),
            JobOption(name: "rows-per-band", parameter: Parameter.rowsPerBand, valueName: "rows",
                      help: "Cut each image into bands of this many rows (rounded up to whole strips/tiles)"),
            JobOption(name: "quality", parameter: Parameter.quality, valueName: "q",
                      help: "JPEG quality of JPEG outputs, 1-100 (default 95)"),
            JobOption(name: "pixel-limit", parameter: Parameter.pixelLimit, valueName: "pixels",
                      help: "Refuse images with more pixels than this (default 1000000000)"),
        ]
    }

    /// The checked parameters.
    public let settings: HistogramSettings

    public init(parameters: JobParameters) throws {
        settings = try HistogramSettings(parameters: parameters)
    }

    /// How many apply bands one histogram map counts. Counting holds one strip at a time, not a
    /// band, so its map tasks can be fewer and longer, and each costs a process start (about
    /// 10 ms).
    public static let histogramBandsPerSplit = 3

    public var phases: [Phase] {
        let input = ImageBandInputFormat(settings: settings)
        return [
            Phase("histogram", input: ImageBandInputFormat(settings: settings, bandsPerSplit: Self.histogramBandsPerSplit),
                  mapper: HistogramMapper.self, combiner: ImageHistogramCombiner.self,
                  reducer: LookupTableReducer.self, reduceTasks: .exactly(1),
                  output: BroadcastOutputFormat<String, EqualizationTable>()),
            Phase("apply", input: input, mapper: ApplyMapper.self, reducer: BandAssemblyReducer.self,
                  reduceTasks: .exactly(1), output: EqualizedImageOutputFormat(writesArtifacts: settings.writesArtifacts)),
        ]
    }

    /// Skips files in input directories that are not JPEG or TIFF images, with the reason.
    public static func skipReason(forDirectoryEntry path: String) -> String? {
        do {
            _ = try ImageFormat.requireDecodable(path: path)
            return nil
        } catch let error as ImageCodecError {
            return error.message
        } catch {
            return "\(error)"
        }
    }
}
