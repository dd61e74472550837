import ImageCodecs
import MapReduce

/// The record writer of ``EqualizedImageOutputFormat``: writes each image whose bands it
/// receives, and a report of every image's spread before and after.
///
/// Images are written into the attempt directory under
/// ``PerInputOutputNaming/stagedName(forInput:)``; the framework commits them and `mrsubmit`
/// moves each beside its input. The report goes to `report-part-r-NNNNN`.
public final class EqualizedImageWriter: RecordWriter {
    private let directory: String
    private let reportPath: String
    private let settings: HistogramSettings
    private var current: ImageAssembly?
    private var currentTable: EqualizationTable?
    private var report = ""

    /// Creates a writer for the reduce task `task` in `directory`.
    public init(task: TaskID, directory: String, settings: HistogramSettings) {
        self.directory = directory
        self.settings = settings
        reportPath = directory + "/" + EqualizedImageOutputFormat.reportPrefix + task.partFileName
    }

    public func write(_ path: String, _ band: EqualizedBand) throws {
        if current?.source.path != path {
            try finishImage()
            let source = try ImageSource(path: path, settings: settings)
            let output = directory + "/" + PerInputOutputNaming.stagedName(forInput: path)
            current = try ImageAssembly(source: source, outputPath: output)
            currentTable = band.table
        }
        try current?.append(band.pixels)
    }

    public func close() throws {
        try finishImage()
        try FileBytes.write(Array(report.utf8), to: reportPath)
    }

    /// Writes the image being assembled and its report lines.
    private func finishImage() throws {
        guard let image = current, let table = currentTable else { return }
        current = nil
        try image.finish()
        let source = image.source
        report += "\(source.path): \(source.info.summary); mode \(source.plan.mode.rawValue), \(image.bandCount) band\(image.bandCount == 1 ? "" : "s")\n"
        report += "  before: \(table.before)\n"
        report += "  after:  \(table.after)\n"
    }
}
